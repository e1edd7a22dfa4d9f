/**
 * The upload page's Web Worker: the assemble function's own checkPerformanceData (functions/documents/check-data.ts,
 * bundled for the browser) on the chosen file, off the page's thread. It reads nothing but the file it is given
 * and sends nothing anywhere but back to the page: the progress, then every problem.
 */
import { checkFileSize, checkPerformanceData } from '../../documents/check-data.ts';
import { checkPerjanjianKinerja } from '../../documents/check-pk.ts';
import type { CheckReply, CheckRequest } from './upload-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function check(request: CheckRequest): Promise<CheckReply> {
  const { file, fileName, expected, settings, lang, pk, earlier } = request;
  // Over the limit: answered from the size alone, without reading the file into memory (as the server does).
  const tooLarge = checkFileSize(file.size, settings, lang);
  if (tooLarge) return { type: 'done', valid: false, problems: tooLarge.problems, warnings: [], rows: 0, kind: 'csv' };
  scope.postMessage({ type: 'progress', stage: 'read' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  scope.postMessage({ type: 'progress', stage: 'check' });
  const kind = ZIP_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
  const { periode, tahun } = expected;
  if (periode === 'PK') {
    const checked = await checkPerjanjianKinerja(bytes, fileName, { tahun, unit: request.unit ?? '' }, settings, lang);
    const rows = checked.indicators.length;
    return { type: 'done', valid: checked.valid, problems: checked.problems, warnings: checked.warnings, rows, kind };
  }
  // With the earlier quarters' figures the server handed over, the figure to date is the assembly's.
  const context = pk ? { pk, ...(earlier ? { earlier: new Map(earlier) } : {}) } : {};
  const result = await checkPerformanceData(bytes, fileName, { tahun, periode }, settings, lang, context);
  return {
    type: 'done',
    valid: result.valid,
    problems: result.problems,
    warnings: result.warnings,
    rows: result.indicators.length,
    kind,
  };
}

scope.onmessage = (event) => {
  check(event.data).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};
