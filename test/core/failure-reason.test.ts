/** What a failure notice may say: a category, the error's name and a message with no path or stack frame. */
import { describe, expect, it } from 'vitest';
import { failureReason, redactPaths, safeMessage } from '../../functions/core/failure-reason.ts';

const lambdaCause = (errorType: string, errorMessage: string, trace: string[] = []) =>
  JSON.stringify({ errorType, errorMessage, trace });

describe('failureReason', () => {
  it('an ENOENT from the local store: document missing, the directory never shown', () => {
    const r = failureReason({
      Error: 'Error',
      Cause: lambdaCause(
        'Error',
        "ENOENT: no such file or directory, open '/work/wt-x/.lapkin/documents/masuk%2Fkarawaci%2F2026/lz0abc.bin'",
        ['Error: ENOENT', '    at async open (node:internal/fs/promises:639:25)'],
      ),
    });
    expect(r.category).toBe('DOCUMENT_MISSING');
    expect(r.message).toBe("ENOENT: no such file or directory, open '[path]'");
    expect(JSON.stringify(r)).not.toMatch(/work|lapkin|\.bin|node:internal/);
  });

  it('Windows paths, UNC shares, file URLs, home and relative paths are all taken out', () => {
    const text =
      'failed C:\\Users\\op\\lapkin\\.lapkin\\documents\\x.bin and \\\\srv\\share\\a.csv, file:///opt/lapkin/a.js, ~/lapkin/.env, ../secret/k.pem, .lapkin/documents/y.json (/var/task/index.mjs:12:3)';
    const out = redactPaths(text);
    expect(out).toBe('failed [path] and [path] [path] [path] [path] [path] ([path]');
  });

  it('keeps what an operator needs: an upload key, a version, a plain reason', () => {
    expect(safeMessage('masuk/karawaci/2026/TW1/data.csv@v000001 not found')).toBe(
      'masuk/karawaci/2026/TW1/data.csv@v000001 not found',
    );
    const mail = failureReason({
      Error: 'TransientError',
      Cause: lambdaCause('TransientError', 'mail could not be sent: smtp down'),
    });
    expect(mail).toEqual({
      category: 'SERVICE_UNAVAILABLE',
      error: 'TransientError',
      message: 'mail could not be sent: smtp down',
    });
  });

  it('a plain Cause with a stack: only its first line, without the frame', () => {
    const r = failureReason({
      Error: 'States.Timeout',
      Cause:
        'Task timed out at C:\\lapkin\\handler.js\n    at Timeout._onTimeout (/work/lapkin/infra/local/step-functions.ts:10:5)',
    });
    expect(r).toEqual({ category: 'TIMEOUT', error: 'States.Timeout', message: 'Task timed out at [path]' });
  });

  it('an error name that is not a name is not repeated; categories follow the name', () => {
    expect(failureReason({ Error: "x'/etc/passwd", Cause: '' }).error).toBe('Error');
    expect(failureReason({ Error: 'DocumentNotFoundError' }).category).toBe('DOCUMENT_MISSING');
    expect(failureReason({ Error: 'TransitionConflictError' }).category).toBe('CONFLICT');
    expect(failureReason({ Error: 'Lambda.ServiceException' }).category).toBe('SERVICE_UNAVAILABLE');
    expect(failureReason({ Error: 'TypeError', Cause: 'x is undefined' }).category).toBe('TECHNICAL');
    expect(failureReason(undefined)).toEqual({ category: 'TECHNICAL', error: 'Error', message: '' });
  });

  it('bounds the message', () => {
    expect(safeMessage('a'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });
});
