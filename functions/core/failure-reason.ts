/**
 * What a person may be told about a technical failure: a reason category, the error's name and a message with
 * every filesystem path and stack frame taken out. Error messages come from libraries and the runtime (an
 * ENOENT names the server's directory, a Lambda trace names /var/task/…), so none is ever passed on raw — to a
 * mail, the report or the audit trail. The full error stays in the function's log.
 */
export type FailureCategory = 'DOCUMENT_MISSING' | 'SERVICE_UNAVAILABLE' | 'TIMEOUT' | 'CONFLICT' | 'TECHNICAL';

export interface FailureReason {
  category: FailureCategory;
  /** The error's name when it looks like one (e.g. DocumentNotFoundError), otherwise "Error". */
  error: string;
  /** First line of the message, paths replaced by "[path]", at most MESSAGE_MAX characters. */
  message: string;
}

export const MESSAGE_MAX = 300;
const NAME = /^[A-Za-z][A-Za-z0-9_.]{0,79}$/;

const PATH_PATTERNS: RegExp[] = [
  // file:// URLs
  /file:\/\/[^\s'"`<>]*/gi,
  // Windows drive paths (C:\… or C:/…) and UNC shares (\\server\share)
  /\b[A-Za-z]:[\\/][^\s'"`<>|]*/g,
  /\\\\[^\s'"`<>|]+/g,
  // any other token with a backslash (a Windows relative path)
  /[^\s'"`<>|]*\\[^\s'"`<>|]*/g,
  // POSIX absolute, home and relative paths: "/…", "~/…", "./…", "../…" where a path starts (not inside a
  // word, so an upload key such as masuk/karawaci/2026/TW1/data.csv stays readable)
  /(?<![\w.%@-])(?:~|\.{1,2})?\/[^\s'"`<>]*/g,
  // a directory the local stack keeps its state in, wherever it appears
  /[^\s'"`<>]*\.lapkin[\\/][^\s'"`<>]*/g,
];

/** Replaces every filesystem path in `text` by "[path]". */
export function redactPaths(text: string): string {
  let out = text;
  for (const p of PATH_PATTERNS) out = out.replace(p, '[path]');
  return out;
}

/** A message safe to show: first line, no stack frame, no path, bounded. */
export function safeMessage(text: string | undefined): string {
  if (!text) return '';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const withoutFrames = firstLine.replace(/\s+at\s+\S+\s+\(.*$/, '');
  const redacted = redactPaths(withoutFrames).trim();
  return redacted.length > MESSAGE_MAX ? `${redacted.slice(0, MESSAGE_MAX - 1)}…` : redacted;
}

/** Step Functions puts a JSON document in Cause for Lambda errors; its errorMessage is the message. */
function messageOf(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // not JSON: a plain message
  }
  return cause;
}

function categoryOf(name: string, message: string): FailureCategory {
  const code = /^(E[A-Z]{2,})\b/.exec(message)?.[1];
  if (/NotFound|NoSuchKey|NoSuchVersion/.test(name) || code === 'ENOENT') return 'DOCUMENT_MISSING';
  if (/Timeout|TimedOut|Timedout/i.test(name) || code === 'ETIMEDOUT') return 'TIMEOUT';
  if (/Conflict|Stale|AlreadyTaken|ConditionalCheckFailed/.test(name)) return 'CONFLICT';
  if (
    /^(TransientError|Lambda\.|Throttl|ServiceUnavailable|InternalServerError|ProvisionedThroughput|TooManyRequests)/.test(
      name,
    ) ||
    (code !== undefined && ['ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE'].includes(code))
  ) {
    return 'SERVICE_UNAVAILABLE';
  }
  return 'TECHNICAL';
}

/** The Catch output of a failed Task ({Error, Cause}) as something a person may read. */
export function failureReason(error: { Error?: string; Cause?: string } | undefined): FailureReason {
  const rawName = error?.Error ?? '';
  const name = NAME.test(rawName) ? rawName : 'Error';
  const raw = messageOf(error?.Cause);
  return { category: categoryOf(name, raw), error: name, message: safeMessage(raw) };
}
