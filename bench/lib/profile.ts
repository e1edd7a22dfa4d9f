import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where CPU time of the main thread goes, by component. A sample inside Node's own modules (zlib, streams,
 * http, fs) counts for the nearest caller that belongs to a component, so pdfkit's compression counts as PDF.
 */
const COMPONENTS: [string, RegExp][] = [
  [
    'PDF (pdfkit)',
    /node_modules\/(pdfkit|fontkit|linebreak|@foliojs|restructure|unicode-properties|brotli|png-js|crypto-js|jpeg-exif)\//,
  ],
  [
    'XLSX (exceljs)',
    /node_modules\/(exceljs|jszip|pako|archiver|saxes|unzipper|fast-csv|dayjs|readable-stream|tmp|uuid)\//,
  ],
  ['CSV parse (csv-parse)', /node_modules\/csv-parse\//],
  [
    'DynamoDB local (dynalite + LevelDB)',
    /node_modules\/(dynalite|level[a-z-]*|classic-level|abstract-level|abstract-leveldown|subleveldown|memdown|encoding-down|deferred-leveldown|lock|big\.js|lazy|once|async)\//,
  ],
  [
    'AWS SDK clients (@aws-sdk, @smithy)',
    /node_modules\/(@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|strnum|bowser|tslib)\//,
  ],
  [
    'Step Functions engine (aws-local-stepfunctions, its ASL/JSONPath validation)',
    /node_modules\/(aws-local-stepfunctions|asl-validator|asl-path-validator|ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse|jsonpath[a-z-]*|p-limit|wildcard-match|lodash)\//,
  ],
  [
    'mail (nodemailer + MailDev)',
    /node_modules\/(nodemailer|maildev|@maildev\/[a-z-]+|@zone-eu\/[a-z-]+|smtp-server|mailparser|libmime|libbase64|libqp|iconv-lite|encoding-japanese|punycode|ipv6-normalize|base32\.js|html-to-text|he|linkify-it|uc\.micro|tlds|express|socket\.io[a-z-]*|engine\.io[a-z-]*|ws|mime|selderee|parseley|domhandler|htmlparser2|dom-serializer|domutils|entities|wildstring|addressparser|async-mutex)\//,
  ],
  [
    'Lambda glue (middy, Powertools + X-Ray SDK, zod)',
    /node_modules\/(@middy|@aws-lambda-powertools|@aws\/lambda-invoke-store|aws-xray-sdk-core|cls-hooked|zod)\//,
  ],
  ['tsx (TypeScript loader)', /node_modules\/(tsx|esbuild|get-tsconfig)\//],
  ['lapkin functions (use cases, documents, web)', /\/functions\//],
  ['local stack glue (infra/local)', /\/infra\/local\//],
  ['bench harness', /\/bench\//],
  ['other node_modules', /node_modules\//],
];

function componentOf(url: string): string | undefined {
  if (!url) return undefined;
  for (const [name, re] of COMPONENTS) {
    if (!re.test(url)) continue;
    if (name !== 'other node_modules') return name;
    // Name the package, so nothing hides in "other".
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url)?.[1];
    return pkg ? `other: ${pkg}` : name;
  }
  return undefined;
}

/** Self time per component in ms, plus GC, idle and unattributed Node/native time. */
export function componentShares(profile: CpuProfile): Record<string, number> {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const memo = new Map<number, string>();
  const attribute = (id: number): string => {
    const cached = memo.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    let out: string;
    const fn = node?.callFrame.functionName ?? '';
    if (fn === '(garbage collector)') out = 'garbage collection';
    else if (fn === '(idle)') out = 'idle (waiting for I/O)';
    else if (fn === '(program)') out = 'native / VM (unattributed)';
    else {
      const own = componentOf(node?.callFrame.url ?? '');
      const up = parent.get(id);
      out = own ?? (up !== undefined ? attribute(up) : 'Node internals (unattributed)');
      if (out === 'root' || out === '(root)') out = 'Node internals (unattributed)';
    }
    memo.set(id, out);
    return out;
  };
  const ms: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const k = attribute(id);
    ms[k] = (ms[k] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  for (const k of Object.keys(ms)) ms[k] = Math.round(ms[k] ?? 0);
  return ms;
}

/** Samples the main thread with the V8 profiler in this process (1 ms interval). */
export async function startProfiler(): Promise<() => Promise<Record<string, number>>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    return componentShares(profile);
  };
}
