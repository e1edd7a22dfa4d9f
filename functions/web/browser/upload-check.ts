/**
 * The upload page's Web Worker: the assemble function's own checkPerformanceData (functions/documents/check-data.ts,
 * bundled for the browser) on the chosen file, off the page's thread. It reads nothing but the file it is given
 * and sends nothing anywhere but back to the page: the progress, then every problem.
 */
import { checkFileSize, checkPerformanceData } from '../../documents/check-data.ts';
import type { CheckReply, CheckRequest } from './upload-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function check(request: CheckRequest): Promise<CheckReply> {
  const { file, fileName, expected, settings, lang } = request;
  // Over the limit: answered from the size alone, without reading the file into memory (as the server does).
  const tooLarge = checkFileSize(file.size, settings, lang);
  if (tooLarge) return { type: 'done', valid: false, problems: tooLarge.problems, warnings: [], rows: 0, kind: 'csv' };
  scope.postMessage({ type: 'progress', stage: 'read' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  scope.postMessage({ type: 'progress', stage: 'check' });
  const result = await checkPerformanceData(bytes, fileName, expected, settings, lang);
  return {
    type: 'done',
    valid: result.valid,
    problems: result.problems,
    warnings: result.warnings,
    rows: result.indicators.length,
    kind: ZIP_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv',
  };
}

scope.onmessage = (event) => {
  check(event.data).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};
