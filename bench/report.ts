/** RESULTS.md from the raw results: every number printed here is in results.json next to it. */
import type { BenchResults, P3Row } from './harness.ts';
import { growthFactors, LIMITS, SOP_OWN_COST_ITEMS, sopOwnCostUsd } from './harness.ts';
import { compareUnitSpread, spreadPairs } from './lib/unit-spread.ts';
import { OPTIMISATIONS } from './optimisations.ts';
import { renderP6 } from './parts/p6-upload-limits.ts';
import { renderP7 } from './parts/p7-browser-check.ts';
import { renderP8 } from './parts/p8-portal-pages.ts';
import { JAKARTA_MARGIN, PRICES } from './prices.ts';

const table = (head: string[], rows: (string | number)[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');

const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x)
    ? '–'
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const usd = (x: number) => `$${x < 0.0001 ? x.toExponential(2) : x.toFixed(6)}`;
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

function p3Cell(r: P3Row | undefined): string {
  if (!r) return '–';
  if (r.skipped) return 'not run';
  if (!r.outcome.ok) return `> ${ms(r.outcome.wallMs)} (${r.outcome.error})`;
  return ms(r.outcome.result?.ms.median);
}

export function renderResults(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# lapkin — benchmarks and cost model');
  out.push('');
  out.push(
    `Written by \`npm run bench\` (bench/run.ts, ${r.config.name} sizes; \`npm run bench -- --quick\` for a smoke run, \`--only p1,p4\` for some parts, \`--out <dir>\` elsewhere) — regenerate instead of editing. Raw numbers: [results.json](results.json). Medians and p95 over repeated runs; every ratio is against a floor measured in the same run. These machines are noisy: read the ratios first. Every part runs in its own child process, one after the other.`,
  );
  out.push('');
  out.push(
    table(
      ['machine', 'date', 'commit', 'bench took'],
      [
        [
          `${m.cpuModel}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node} (${m.platform})${m.loadAverage ? `; load average ${m.loadAverage.start} at the start, ${m.loadAverage.end ?? '–'} at the end (others’ work on the same cores)` : ''}`,
          `${m.date.slice(0, 16).replace('T', ' ')} UTC`,
          `${m.commit}${m.dirty ? ' + uncommitted changes of others in the tree' : ''}`,
          `${(r.durationMs / 1000).toFixed(0)} s`,
        ],
      ],
    ),
  );
  if (r.earlierParts && Object.keys(r.earlierParts).length) {
    out.push('');
    out.push(
      `This run measured ${['p1', 'p2', 'p3', 'p4', 'p5']
        .filter((p) => !r.earlierParts?.[p])
        .map((p) => p.toUpperCase())
        .join(', ')} only (\`--only\`); kept from earlier runs, judged again here: ${Object.entries(r.earlierParts)
        .map(
          ([p, e]) =>
            `${p.toUpperCase()} (${e.config} run of commit ${e.commit.slice(0, 7)}, ${e.date.slice(0, 16).replace('T', ' ')} UTC${e.machine ? `, ${e.machine}` : ''})`,
        )
        .join(', ')}.`,
    );
  }
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['', 'measurement', 'result', 'target', 'met', 'reason'],
      r.targets.map((t) => [t.id, t.what, t.result, t.target, t.met ? '**met**' : '**not met**', t.reason]),
    ),
  );
  out.push('');
  out.push(
    `Each limit is a ratio to a floor measured in the same run, so it asks the same of this 2-core machine as of a faster one (bench/harness.ts \`LIMITS\`): **P1** one report on the local stack ≤ ${LIMITS.p1RatioToInProcessFloor}× the same use cases in-process on in-memory ports; **P2** at ${LIMITS.p2AtReports} reports at once, all documented, ≥ ${Math.round(LIMITS.p2ShareOfCpuCeiling * 100)} % of (cores ÷ the in-process floor’s CPU per report); **P3** the whole assembly ${LIMITS.p3.map((l) => `${l.rows.toLocaleString('en')} rows ≤ ${ms(l.maxMs)}`).join(' and ')}, linear (time per row grows ≤ ×${LIMITS.p3PerRowGrowth} from one measured size to the next), peak RSS ≤ ${LIMITS.p3PeakRssMB} MB at the largest size; **P4** each handler’s cold load ≤ ${LIMITS.p4RatioToSdkReference}× a bundle that loads only the same AWS SDK packages, bundles without the SDK ≤ 1 MB except assemble; **P5** the cost per report (every invocation cold) ≤ ${LIMITS.p5RatioToSopOwnCost}× the SOP’s own AWS cost, what any implementation of it pays — its state transitions and its mails (${SOP_OWN_COST_ITEMS.join(', ')})${r.cost ? ` (${usd(sopOwnCostUsd(r.cost))} per report here)` : ''}.`,
  );

  const p1 = r.p1?.result;
  out.push('');
  out.push('## P1 — one report through the whole SOP');
  out.push('');
  if (!p1) out.push(`Did not run: ${r.p1?.error ?? 'not selected'}.`);
  else {
    out.push(
      `Upload of the sample (8 indicators) → intake → Assemble → Verify → Ratify → Archive → TERDOKUMENTASI on a warm local stack (dynalite, local Step Functions with the ASL, versioned store, MailDev, decision HTTP server); the Sekretaris Camat and the Camat approve through the real HTTP endpoint with the link from their mail as soon as it is sent. ${p1.runs} measured reports after warm-up, ${p1.transitionsPerReport} state transitions each; statuses: ${Object.entries(
        p1.statuses,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
    );
    out.push('');
    const row = (name: string, s: { median: number; p95: number; min: number; max: number; n: number }) => [
      name,
      ms(s.median),
      ms(s.p95),
      ms(s.min),
      ms(s.max),
      s.n,
      `${(s.median / p1.inProcessFloor.median).toFixed(s.median / p1.inProcessFloor.median < 0.1 ? 2 : 1)}×`,
    ];
    out.push(
      table(
        ['', 'median', 'p95', 'min', 'max', 'runs', '× in-process floor'],
        [
          row('local stack, as is', p1.sop),
          row('floor: the ASL on the engine, no-op tasks', p1.engineFloor),
          row('floor: the use cases in-process on in-memory ports', p1.inProcessFloor),
        ],
      ),
    );
    out.push('');
    out.push(
      'Where one report’s time goes (median per report; the lines marked · are inside the functions above them):',
    );
    out.push('');
    const total = p1.breakdown.total ?? p1.sop.median;
    out.push(
      table(
        ['part', 'median per report', 'share of the total', 'in-process floor'],
        Object.entries(p1.breakdown)
          .filter(([k]) => k !== 'total')
          .map(([k, v]) => {
            const floorKey = k.startsWith('intake')
              ? 'intake'
              : k.startsWith('assemble')
                ? 'assemble'
                : k.startsWith('request-decision')
                  ? 'request-decision ×2'
                  : k.startsWith('decide')
                    ? 'decide ×2'
                    : k.startsWith('archive')
                      ? 'archive'
                      : '';
            const isCount = k.includes('(count)');
            return [
              k,
              isCount ? String(v) : ms(v),
              isCount ? '' : `${Math.round((100 * v) / total)} %`,
              floorKey ? ms(p1.inProcessSteps[floorKey]?.median) : '',
            ];
          }),
      ),
    );
    out.push('');
    out.push(
      `Inside assemble, for these 8 indicators: validate + compute ${ms(p1.documents.check.median)}, PDF ${ms(p1.documents.pdf.median)}, XLSX ${ms(p1.documents.xlsx.median)} (medians, in-process). Archive renders the PDF again (with the approvals) plus the disposition sheet. Engine: ${ms(p1.engineFloor.median)} for the ${p1.transitionsPerReport} transitions with no-op tasks, journaling included. The local stack itself started in ${ms(p1.stackStartMs)}.`,
    );
  }

  out.push('');
  out.push('## P2 — many reports at once');
  out.push('');
  const p2 = r.p2.map((o) => o.result).filter((x) => !!x);
  if (p2.length === 0) out.push('Did not run.');
  else {
    out.push(
      'All uploads are put at once, spread round-robin over the units of a bench-only configuration (13 fictional kecamatan made from the sample’s first unit, as many as Kota Tangerang has; bench/lib/units.ts), every unit with the same periods; scripted people approve each decision as soon as its mail is out (16 HTTP requests at a time). Each size runs in a fresh process with a fresh stack; peak RSS is that process’s. This is the local stack: one Node process runs every function, dynalite, the engine and MailDev on one thread. On AWS each invocation has its own execution environment, so the limits there are concurrency and service quotas, which this bench cannot measure.',
    );
    out.push('');
    out.push(
      table(
        [
          'reports',
          'units',
          'wall',
          'reports/s',
          'documented',
          'failed / timed out',
          'latency median (p95)',
          'peak RSS',
          'event loop busy',
          'CPU (cores)',
        ],
        [...p2, ...(r.p2OneUnit ?? []).map((o) => o.result).filter((x) => !!x)].map((x) => [
          x.reports,
          x.units ?? 1,
          ms(x.wallMs),
          x.reportsPerSecond,
          `${x.documented}/${x.reports}`,
          `${x.failed} / ${x.timedOut}`,
          `${ms(x.latency.median)} (${ms(x.latency.p95)})`,
          `${x.peakRssMB} MB`,
          `${Math.round(x.eventLoopUtilization * 100)} %`,
          x.cpuCores,
        ]),
      ),
    );
    const pairs = spreadPairs(
      p2,
      (r.p2OneUnit ?? []).map((o) => o.result),
    );
    for (const pair of pairs) {
      const value = (v: number | undefined, unit: string) =>
        v === undefined ? '–' : unit === 'ms' ? ms(v) : String(Math.round(v * 100) / 100);
      out.push('');
      out.push(
        `The same ${pair.reports} reports over ${pair.units} units and all in one unit (each in its own process and stack, one after the other; difference in % of the one-unit run). The index of reports and decisions is partitioned by unit, so a unit's reads stay in its partition; on the local stack every partition is the same dynalite in the same thread, so what it can show is whether spreading adds work per report (requests, CPU). Times move with the load others put on the shared cores while each run goes — read the CPU per report first:`,
      );
      out.push('');
      out.push(
        table(
          ['', `${pair.units} units`, '1 unit', 'difference'],
          compareUnitSpread(pair.spread, pair.oneUnit).map((x) => [
            x.metric,
            value(x.spread, x.unit),
            value(x.oneUnit, x.unit),
            x.differencePct === undefined ? '–' : `${x.differencePct > 0 ? '+' : ''}${x.differencePct} %`,
          ]),
        ),
      );
    }
    for (const o of (r.p2OneUnit ?? []).filter((x) => !x.ok)) {
      out.push('');
      out.push(`The one-unit run to compare did not finish: ${o.error}.`);
    }
    const last = p2.at(-1);
    // Work per report where every report went the whole way (reports that failed did less).
    const whole = [...p2].reverse().find((x) => x.documented === x.reports);
    if (whole) {
      const per = (x: number | undefined) => ((x ?? 0) / whole.reports).toFixed(1);
      out.push('');
      out.push(
        `Work per report at ${whole.reports}: ${per(whole.counts.invocations)} function invocations, ${per(whole.counts.dynamoRequests)} DynamoDB requests, ${per(whole.counts.storeCalls)} store calls, ${per(whole.counts.mails)} mails, ${per(whole.counts.decisionsPosted)} decisions posted. Every report advances in lockstep with the others (each step waits its turn on the one thread), so the first report ends only shortly before the last.`,
      );
    }
    if (last) {
      const why = Object.entries(last.notDocumented ?? {});
      if (why.length) {
        out.push('');
        out.push(`Not documented at ${last.reports}: ${why.map(([k, v]) => `${v} × ${k}`).join('; ')}.`);
      }
    }
    const prof = r.p2Profile?.result;
    if (prof?.cpuByComponentMs) {
      const busy = Object.entries(prof.cpuByComponentMs).filter(([k]) => !k.startsWith('idle'));
      const sum = busy.reduce((s, [, v]) => s + v, 0);
      out.push('');
      out.push(
        `What limits it — the main thread’s CPU by component, sampled with the V8 profiler over a separate run of ${prof.reports} reports (${prof.reportsPerSecond} reports/s under the profiler; idle ${ms(prof.cpuByComponentMs['idle (waiting for I/O)'] ?? 0)} of ${ms(prof.wallMs)}). A sample in Node’s own modules counts for the component that called them:`,
      );
      out.push('');
      out.push(
        table(
          ['component', 'CPU', 'share of busy time'],
          busy.sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v), `${((100 * v) / sum).toFixed(1)} %`]),
        ),
      );
    }
  }

  out.push('');
  out.push('## P3 — assembly size curve');
  out.push('');
  if (r.p3.length === 0) out.push('Did not run.');
  else {
    const sizes = [...new Set(r.p3.map((x) => x.rows))].sort((a, b) => a - b);
    out.push(
      `Generated uploads: the sample’s 8 rows repeated with unique indicator codes (every row valid). CSV sizes: ${sizes.map((s) => `${s.toLocaleString('en')} rows ${kib(r.p3Inputs[s]?.csvBytes ?? 0)}`).join(', ')}. The configured limits (\`dataLimits\`: maxRows 20 000, maxFileMB 10) would refuse the largest file at the door — the bench raises them to measure the code itself. Each step runs in its own process (peak RSS is that process’s, including Node and the modules, ~90–180 MB); pdf and xlsx first run an untimed validation to get the data; total = validation, then PDF and XLSX together, as assemble does.`,
    );
    out.push('');
    const steps = [...new Set(r.p3.map((x) => x.step))];
    const find = (rows: number, step: string) => r.p3.find((x) => x.rows === rows && x.step === step);
    out.push(
      table(
        [
          'step',
          ...sizes.map((s) => `${s.toLocaleString('en')} rows`),
          'growth per 10×',
          `peak RSS at ${sizes.at(-1)?.toLocaleString('en')}`,
        ],
        steps.map((step) => [
          step,
          ...sizes.map((s) => {
            const row = find(s, step);
            const raw = find(s, step.endsWith('xlsx') && step !== 'xlsx' ? 'raw-xlsx' : 'raw')?.outcome.result?.ms
              .median;
            const v = row?.outcome.result?.ms.median;
            return `${p3Cell(row)}${v && raw && !step.startsWith('raw') && step !== 'lkjip' ? ` (${(v / raw).toFixed(0)}× raw)` : ''}`;
          }),
          growthFactors(r, step)
            .map((g) => `×${g.factor}`)
            .join(', ') || '–',
          (() => {
            const last = find(sizes.at(-1) as number, step);
            if (!last) return '–';
            return last.skipped ? 'not run' : `${last.outcome.peakRssMB} MB`;
          })(),
        ]),
      ),
    );
    out.push('');
    out.push(
      table(
        ['rows', ...steps.map((s) => `peak RSS ${s}`)],
        sizes.map((s) => [
          s.toLocaleString('en'),
          ...steps.map((st) =>
            find(s, st) ? (find(s, st)?.skipped ? 'not run' : `${find(s, st)?.outcome.peakRssMB} MB`) : '–',
          ),
        ]),
      ),
    );
    const mem = r.cost?.memoryMB.assemble ?? 1769;
    const max = r.p3AtMaximum;
    if (max) {
      const res = max.outcome.result;
      out.push('');
      out.push(
        `At the configured maximum upload (cdk.json \`dataLimits.maxRows\` ${max.rows.toLocaleString('en')}), the whole assembly (validate, then PDF and XLSX together, as assembleReport does) ${
          res
            ? `took ${ms(res.ms.median)} and peaked at ${max.outcome.peakRssMB} MB: ${max.outcome.peakRssMB <= mem ? 'it fits' : '**it does not fit**'} the assemble function’s ${mem.toLocaleString('en')} MB (and its 4-minute timeout at this machine’s speed)`
            : `did not finish (${max.outcome.error}; peak RSS ${max.outcome.peakRssMB} MB)`
        }. In round 1 the same took 33 s and 2 564 MB — an out-of-memory on Lambda.`,
      );
    }
    const notes = r.p3.filter((x) => x.skipped || !x.outcome.ok);
    if (notes.length) {
      out.push('');
      for (const n of notes)
        out.push(
          `- ${n.rows.toLocaleString('en')} rows, ${n.step}: ${n.skipped ?? `${n.outcome.error}; peak RSS when stopped ${n.outcome.peakRssMB} MB`}`,
        );
    }
  }

  const p4 = r.p4?.result;
  out.push('');
  out.push('## P4 — cold start');
  out.push('');
  if (!p4) out.push(`Did not run: ${r.p4?.error ?? 'not selected'}.`);
  else {
    out.push(
      `Each handler bundled with the CDK app’s esbuild settings (infra/constructs/bundling.ts: CJS, minified, source maps, the AWS SDK inside the bundle, fontkit's WOFF2 decoder aliased out as BUNDLE_ALIAS does), then a fresh \`node -e "require('./index.js')"\` timed from spawn to exit with the function’s environment (no NODE_OPTIONS, no NODE_PATH), interleaved with a bare \`node -e 0\` (${ms(p4.bareNode.median)} median, ${p4.bareNode.n} runs) and with the **SDK reference** of each handler: a bundle, built with the same settings, that only requires the AWS SDK packages the handler loads at cold start. The judged ratio is to that reference (limit ${LIMITS.p4RatioToSdkReference}×): what the handler loads beyond the SDK clients any function using them pays. It is taken on the process’s CPU time up to the end of the load (bare node: ${ms(p4.bareNodeCpu?.median)}), which others’ work on the same cores inflates far less than wall time; the wall-time ratio is shown next to it.`,
    );
    out.push('');
    out.push(
      table(
        [
          'handler',
          'bundle (AWS SDK in it)',
          'source map',
          'fresh process + load, median (p95)',
          'CPU, median',
          '× SDK reference (CPU; wall)',
          '× bare node',
          'inside require()',
          'largest packages in the bundle',
        ],
        p4.bundles.map((b) => [
          b.handler,
          `${kib(b.bundleBytes)} (${kib(b.sdkBytes ?? 0)})`,
          kib(b.sourceMapBytes),
          `${ms(b.importMs.median)} (${ms(b.importMs.p95)})`,
          ms(b.cpuMs?.median),
          `${b.ratioToSdkReference}×; ${b.wallRatioToSdkReference ?? '–'}×`,
          `${b.ratio}×`,
          ms(b.requireMs.median),
          b.largest.map((x) => `${x.name} ${kib(x.bytes)}`).join(', '),
        ]),
      ),
    );
    if (p4.sdkReferences?.length) {
      out.push('');
      out.push(
        table(
          [
            'SDK reference: the packages it loads',
            'bundle',
            'fresh process + load, median (p95)',
            'CPU, median',
            'handlers',
          ],
          p4.sdkReferences.map((ref) => [
            ref.packages.join(', ') || '(none)',
            kib(ref.bundleBytes),
            `${ms(ref.importMs.median)} (${ms(ref.importMs.p95)})`,
            ms(ref.cpuMs?.median),
            p4.bundles
              .filter((b) => (b.sdkPackages ?? []).join() === ref.packages.join())
              .map((b) => b.handler)
              .join(', '),
          ]),
        ),
      );
    }
    const beforeAfter = p4.bundles.filter((b) => b.sdkFromRuntime);
    if (beforeAfter.length) {
      out.push('');
      out.push(
        'Before and after bundling the AWS SDK (issue 11), same run: before, `@aws-sdk/*` was external and came from the Lambda runtime (here: NODE_PATH to the project’s node_modules, the unbundled CommonJS files); after, it is inside each bundle, so the function runs the SDK version the tests ran.',
      );
      out.push('');
      out.push(
        table(
          [
            'handler',
            'before: bundle',
            'before: fresh process + load (CPU)',
            'after: bundle',
            'after: fresh process + load (CPU)',
            'after − before, wall (CPU)',
          ],
          beforeAfter.map((b) => {
            const dWall = b.importMs.median - b.sdkFromRuntime.importMs.median;
            const dCpu =
              b.cpuMs && b.sdkFromRuntime.cpuMs ? b.cpuMs.median - b.sdkFromRuntime.cpuMs.median : Number.NaN;
            const signed = (x: number) => `${x > 0 ? '+' : ''}${ms(x)}`;
            return [
              b.handler,
              kib(b.sdkFromRuntime.bundleBytes),
              `${ms(b.sdkFromRuntime.importMs.median)} (${ms(b.sdkFromRuntime.cpuMs?.median)})`,
              kib(b.bundleBytes),
              `${ms(b.importMs.median)} (${ms(b.cpuMs?.median)})`,
              `${signed(dWall)} (${Number.isFinite(dCpu) ? signed(dCpu) : '–'})`,
            ];
          }),
        ),
      );
    }
    const variants = p4.bundles.filter((b) => Object.keys(b.variants).length);
    if (variants.length) {
      out.push('');
      out.push('The same bundles with the flag the functions had before round 2 (not deployed):');
      out.push('');
      out.push(
        table(
          ['handler', 'variant', 'bundle', 'fresh process + load, median', '× bare node', 'vs as deployed'],
          variants.flatMap((b) =>
            Object.entries(b.variants).map(([k, v]) => [
              b.handler,
              k,
              kib(v.bundleBytes),
              ms(v.importMs.median),
              `${v.ratio}×`,
              `${v.importMs.median - b.importMs.median > 0 ? '+' : ''}${ms(v.importMs.median - b.importMs.median)}`,
            ]),
          ),
        ),
      );
    }
  }

  out.push('');
  out.push('## P5 — cost per report on AWS');
  out.push('');
  const p5 = r.p5?.result;
  const cost = r.cost;
  if (!p5 || !cost) out.push(`Did not run: ${r.p5?.error ?? 'not selected'}.`);
  else {
    out.push(
      `Counted on the local stack over ${p5.reports} reports (${p5.documented} documented) through the whole SOP without revisions, each decision made as a person makes it (open the link, then POST); per report: ${p5.transitions} state transitions; ${p5.dynamo.requests} DynamoDB requests (${Object.entries(
        p5.dynamo.byCommand,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; by function ${Object.entries(p5.dynamo.byFunction)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}), of which ${p5.dynamo.failedConditionalWrites} conditional writes that fail by design; S3 ${p5.s3.put} PUT (incl. the upload), ${p5.s3.copy} COPY, ${p5.s3.get} GET, ${p5.s3.list} LIST; ${p5.mail.messages} mails to ${p5.mail.recipients} recipients with ${kib(p5.mail.attachmentBytes)} of attachments (MailDev holds ${p5.mailDevCheck.mailDev} mails for the ${p5.mailDevCheck.sent} the functions sent in the run). Prices: ${cost.priceRegion}, read ${cost.pricesReadOn} (bench/prices.ts explains why not Jakarta).`,
    );
    out.push('');
    out.push(
      table(
        ['function', 'memory', 'invocations per report', 'billed ms per invocation (est.)', 'INIT ms when cold (est.)'],
        Object.entries(cost.lambda).map(([fn, l]) => [
          fn,
          `${l.memoryMB} MB`,
          l.invocations,
          l.billedMs,
          l.initMs ?? '–',
        ]),
      ),
    );
    out.push('');
    out.push(
      'Billed duration = local CPU time × (1 769 MB ÷ memory) — Lambda’s vCPU share — plus the measured wait on DynamoDB, store and mail, plus an assumed 40 ms per Step Functions API call; INIT = the P4 cold load’s CPU time × the same factor. Since August 2025 Lambda bills the INIT phase; at a Kecamatan’s volume (five reports a year per unit) every invocation is cold, so the target is judged on the cold column.',
    );
    out.push('');
    const cold = new Map(cost.cold.lines.map((l) => [l.item, l]));
    const warm = new Map(cost.warm.lines.map((l) => [l.item, l]));
    out.push(
      table(
        ['item', 'per report', 'unit price', 'cold', 'warm', 'basis'],
        [...cold.values()]
          .map((l) => [
            l.item,
            `${l.quantity < 1 && l.quantity > 0 ? Number(l.quantity.toPrecision(3)) : l.quantity} ${l.unit}`,
            usd(l.unitUsd),
            usd(l.usd),
            warm.has(l.item) ? usd(warm.get(l.item)?.usd ?? 0) : '–',
            l.basis,
          ])
          .concat([
            ['**total per report**', '', '', `**${usd(cost.cold.totalUsd)}**`, `**${usd(cost.warm.totalUsd)}**`, ''],
            [
              `with every price +${Math.round((JAKARTA_MARGIN - 1) * 100)} % (Jakarta stand-in)`,
              '',
              '',
              usd(cost.jakartaMarginTotalUsd),
              usd(cost.warm.totalUsd * JAKARTA_MARGIN),
              '',
            ],
          ]),
      ),
    );
    out.push('');
    out.push(
      `Not in the per-report figure: storage — ${kib(cost.storage.bytesPerReport)} of versions per report, ${usd(cost.storage.usdPerReportMonth)} per report-month, ${usd(cost.storage.usdPerReportTenYears)} over the ten years of archive retention; fixed monthly costs: ${cost.monthlyFixedUsd.map((f) => `${f.item} $${f.usd.toFixed(2)}`).join('; ')}. Free tiers (Lambda, Step Functions 4 000 transitions, X-Ray 100 000 traces a month) are ignored.`,
    );
    out.push('');
    out.push(
      `Estimates: ${Object.entries(cost.assumptions)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')} (see bench/lib/cost.ts).`,
    );
    out.push('');
    out.push('<details><summary>Price table (bench/prices.ts)</summary>');
    out.push('');
    out.push(
      table(
        ['price', 'USD', 'per', 'source'],
        Object.entries(PRICES).map(([k, p]) => [k, String(Number(p.usd.toPrecision(6))), p.per, p.source]),
      ),
    );
    out.push('');
    out.push('</details>');
  }

  if (r.p6) out.push('', '## P6 — uploads at the size limit', '', renderP6(r.p6, table));
  if (r.p7) out.push('', '## P7 — the upload check in the browser', '', renderP7(r.p7, table));
  if (r.p8) out.push('', '## P8 — the portal’s pages', '', renderP8(r.p8, table));
  out.push('');
  out.push('## Optimisations');
  out.push('');
  out.push(OPTIMISATIONS(r));
  out.push('');
  return `${out.join('\n')}\n`;
}
