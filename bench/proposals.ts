/**
 * The optimisations this bench proposes to the owners of the product code (bench/ changes none of it). Numbers
 * come from the current run where the run measures them (P1's pooled-SMTP experiment, P4's variants); the rest
 * are one-off experiments on a patched copy of functions/ (dated; the way to repeat each is described), since
 * the bench measures the code as it is.
 */
import type { BenchResults } from './harness.ts';

const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`;

const EXPERIMENTS_ON = '2026-11-25, same machine, commit 22dd9d9 + the patch described, separate processes';

export function PROPOSALS(r: BenchResults): string {
  const out: string[] = [];
  const p1 = r.p1?.result;
  const p4 = r.p4?.result;
  const total10k = r.p3.find((x) => x.rows === 10_000 && x.step === 'total')?.outcome;
  let n = 0;
  const item = (title: string, body: string) => out.push(`${++n}. **${title}** ${body}`);
  const mail = '· mail over SMTP (inside the above)';

  item(
    'Pooled SMTP transport for the local stack (P1, P2).',
    `File: \`functions/commons/container.ts\`, the \`MAIL_TRANSPORT=smtp\` branch. Change: add \`pool: true\` to its \`createTransport({ host, port, secure: false, ignoreTLS: true, connectionTimeout: 5000 })\`. Why: smtp-server (inside MailDev) waits 100 ms before its greeting on every new connection ("early talker" detection, \`smtp-connection.js\` \`init()\`), and nodemailer opens one connection per mail, so every mail costs ≥ 100 ms of pure waiting, three per report; under load the greetings queue up until nodemailer gives up ("Greeting never received") and the report ends GAGAL. ${p1?.pooledSmtp ? `Measured in this run: P1 median ${ms(p1.sop.median)} → ${ms(p1.pooledSmtp.sop.median)} (mail ${ms(p1.breakdown[mail])} → ${ms(p1.pooledSmtp.breakdown[mail])} per report). ` : ''}One-off (${EXPERIMENTS_ON}, \`bench/child.ts p2 '{"reports":500,"pooledSmtp":true}'\`): 500 at once → 500/500 documented in 217 s, where the transport as is documented 447/500 and 264/500 in two runs (the rest GAGAL: "Greeting never received"). Local stack only: on AWS the SES transport is a different code path.`,
  );

  const srcMap = p4?.bundles
    .filter((b) => b.variants['without --enable-source-maps'])
    .map(
      (b) =>
        `${b.handler} ${ms(b.importMs.median)} → ${ms(b.variants['without --enable-source-maps']?.importMs.median)}`,
    );
  const assembleMap = p4?.bundles.find((b) => b.handler === 'assemble')?.sourceMapBytes ?? 0;
  item(
    'No --enable-source-maps at start-up (P4).',
    `File: \`infra/constructs/lapkin-function.ts\`. Change: drop \`NODE_OPTIONS: '--enable-source-maps'\` from the function environment. Why: with the flag Node reads and parses the whole source map when the bundle loads (assemble’s is ${(assembleMap / 1024 / 1024).toFixed(1)} MB). ${srcMap?.length ? `Measured in this run, fresh process + load: ${srcMap.join('; ')}.` : ''} Keep the .map files next to the bundle for reading stack traces offline (or turn maps on in an error path with \`process.setSourceMapsEnabled(true)\`). Bundling the AWS SDK instead of taking the runtime’s brings nothing measurable (P4 experiments) — not proposed.`,
  );

  item(
    'Streaming XLSX writer (P3: time and memory).',
    `File: \`functions/documents/report-xlsx.ts\`, \`renderReportXlsx\`. Change: write with \`new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })\` into a PassThrough collected into a Buffer; pass the frozen-pane \`views\` to \`addWorksheet(name, { views })\` (a WorksheetWriter’s views cannot be set afterwards), \`row.commit()\` after each detail row, then \`ws.commit()\` and \`await wb.commit()\`. One-off (${EXPERIMENTS_ON}): 10 000 rows 2.07 s → 1.38 s and peak RSS 374 → 159 MB; 100 000 rows 22.9 s → 12.7 s and 2 382 → 332 MB (266 MB of it the data before rendering). Read back with exceljs: same rows, values, number formats, borders and autofilter. The file grows (7.9 → 11.2 MB at 100 000 rows) without shared strings; \`useSharedStrings: true\` keeps it smaller at some memory cost (not measured).`,
  );

  item(
    'PDF without buffered pages (P3: memory, and the Lambda limit below).',
    `File: \`functions/documents/report-pdf.ts\`: \`createDoc\` opens PDFKit with \`bufferPages: true\` only so that \`addFooters\` can revisit every page at the end for "Halaman i dari N"; until then every page’s content stays in memory. One-off (${EXPERIMENTS_ON}) with \`bufferPages: false\` and the footers left out: 10 000 rows 11.9 s → 8.3 s and peak RSS 1 343 → 298 MB; 1 000 rows ~1.2 s → ~0.95 s and 417 → 197 MB. Change to make: draw each page’s footer when the page is finished (\`doc.on('pageAdded')\` for the previous page) and put the total N in one Form XObject that is written at \`doc.end()\` (or print "Halaman i" alone). Not byte-identical to today’s output, so the PDF tests need a look.`,
  );

  item(
    'One-line table cells without a layout pass (P3: PDF time, byte-identical).',
    `File: \`functions/documents/report-pdf.ts\`, the \`measure\` closures of \`drawTable\` and \`tableHeight\`. Change: when a cell text has no newline and \`doc.widthOfString(text) <= width * 0.98\`, its height is \`doc.currentLineHeight(true) + lineGap\` — exactly what \`heightOfString\` returns for one line — otherwise call \`heightOfString\` as now. Most cells (codes, numbers, units, percentages) take the short path. One-off (${EXPERIMENTS_ON}): byte-identical PDFs at 100, 1 000 and 10 000 rows; 100 rows 203 → 165 ms, 1 000 rows 1.11 → 1.03 s, 10 000 rows ~11.4 → ~10.6 s. (Stopping \`tableHeight\` once a table exceeds a page was also tried: no measurable gain — not proposed.)`,
  );

  item(
    'Lighter imports for every function (P4).',
    `Every bundle carries zod (443 KiB of 870–880 KiB) for a few input schemas, and \`functions/commons/container.ts\` imports every adapter for every function (the SES client and nodemailer also in decide, which sends no mail; the S3 client and presigner also in intake and record-failure, which have no bucket). Changes: (a) the handlers’ schemas with \`zod/mini\` (\`z.string().check(z.minLength(1))\`, \`z.parse(schema, value)\`) — one-off, a bundle of assemble’s input schema: zod 444 KiB and +15 ms load, zod/mini 14 KiB and +0 ms; (b) \`import()\` the SES/nodemailer and S3 adapters where they are first used — one-off, \`require\` from node_modules in a fresh process: SESv2 + nodemailer +40 ms, S3 + presigner +29 ms on top of DynamoDB + Step Functions clients (+73 ms over a bare node); (c) the Powertools Tracer pulls in the X-Ray SDK (+35 ms the same way) — weigh against the traces. Even with all of it, loading the DynamoDB client alone is more than 0.5× a bare node start, so ≤ 1.5× bare node is out of reach for any function that talks to DynamoDB with the AWS SDK v3.`,
  );

  item(
    'The assemble Lambda cannot take the configured maximum upload (P3: memory).',
    `\`cdk.json\` allows \`dataLimits.maxRows\` 20 000, the assemble function has 1 769 MB. ${total10k?.ok ? `This run: 10 000 rows already peak at ${total10k.peakRssMB} MB for validate + PDF + XLSX. ` : ''}One-off (${EXPERIMENTS_ON}, \`bench/child.ts p3 '{"step":"total","rows":20000,…}'\`): 20 000 rows take 33 s and peak at 2 564 MB — an out-of-memory on Lambda, retried and then GAGAL. Either lower \`maxRows\` to what the memory holds (≈ 10 000 with today’s renderers) or apply 3 and 4 (together they should bring 10 000 rows to roughly 0.3–0.4 GB — an estimate from the two experiments, not measured together).`,
  );

  item(
    'Noticed, not proposed: the ledger’s repair write (P5).',
    `\`functions/usecases/report-ledger.ts\` re-puts the report’s previous event (\`putEventIfAbsent(current.lastEvent)\`) before every state change, to repair a write cut off between report and event. It fails by design almost always: 7 of the 56 DynamoDB requests per report, 7 WRU (≈ $0.0000044 per report) and 7 round trips. Cheap enough to keep for its guarantee; listed so the owner knows its price. Likewise the \`Documented\` Succeed state is 1 of the 8 billed transitions ($0.000025 per report); \`Archive\` could end the execution itself.`,
  );
  return out.join('\n');
}
