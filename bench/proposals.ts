/**
 * The optimisations this bench proposes to the owners of the product code (bench/ changes none of it). Numbers
 * come from the current run where the run measures them (P1's pooled-SMTP experiment, P4's variants); the rest
 * are one-off experiments, dated, with how to repeat them.
 */
import type { BenchResults } from './harness.ts';

const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`;

export function PROPOSALS(r: BenchResults): string {
  const out: string[] = [];
  const p1 = r.p1?.result;
  const p4 = r.p4?.result;
  let n = 0;
  const item = (title: string, body: string) => out.push(`${++n}. **${title}** ${body}`);

  item(
    'Pooled SMTP transport for the local stack.',
    `File: \`functions/commons/container.ts\`, the \`MAIL_TRANSPORT=smtp\` branch. Change: add \`pool: true\` to its \`createTransport({ host, port, secure: false, ignoreTLS: true, connectionTimeout: 5000 })\`. Why: smtp-server (inside MailDev) waits 100 ms before its greeting on every new connection ("early talker" detection, smtp-connection.js \`init\`), and nodemailer opens one connection per mail: every mail costs ≥ 100 ms of pure waiting, three per report. ${p1?.pooledSmtp ? `Measured in this run: P1 median ${ms(p1.sop.median)} → ${ms(p1.pooledSmtp.sop.median)} (mail ${ms(p1.breakdown['· mail over SMTP (inside the above)'])} → ${ms(p1.pooledSmtp.breakdown['· mail over SMTP (inside the above)'])} per report).` : ''} Local stack only: on AWS the SES transport is unaffected.`,
  );
  const srcMap = p4?.bundles
    .filter((b) => b.variants['without --enable-source-maps'])
    .map(
      (b) =>
        `${b.handler} ${ms(b.importMs.median)} → ${ms(b.variants['without --enable-source-maps']?.importMs.median)}`,
    );
  item(
    'No --enable-source-maps at start-up.',
    `File: \`infra/constructs/lapkin-function.ts\`. Change: drop \`NODE_OPTIONS: '--enable-source-maps'\` from the function environment. Why: with the flag Node parses the whole source map when the bundle loads (assemble’s is ${p4 ? `${((p4.bundles.find((b) => b.handler === 'assemble')?.sourceMapBytes ?? 0) / 1024 / 1024).toFixed(1)} MB` : 'large'}). ${srcMap?.length ? `Measured in this run, fresh process + load: ${srcMap.join('; ')}.` : ''} Keep the .map files (uploaded with the bundle, for reading stack traces offline or with \`process.setSourceMapsEnabled(true)\` in an error path). Bundling the AWS SDK instead of using the runtime’s brings nothing measurable (see the P4 experiments) — not proposed.`,
  );
  return out.join('\n');
}
