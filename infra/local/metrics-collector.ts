import { appendFileSync, existsSync, readFileSync } from 'node:fs';

interface EmfLine {
  _aws?: { CloudWatchMetrics?: { Dimensions?: string[][]; Metrics?: { Name: string; Unit?: string }[] }[] };
  [key: string]: unknown;
}

export interface MetricTotals {
  /** Sum of every Count metric by name, e.g. ReportsReceived. */
  counts: Record<string, number>;
  /** Decisions by "decision/role". */
  decisions: Record<string, number>;
  /** Every TimeToDecision / TimeToDocumented value in seconds, for medians. */
  durations: Record<string, number[]>;
  /** The per-unit copies (dimension `unit`): Count metrics by unit, then by name. */
  byUnit: Record<string, Record<string, number>>;
}

/**
 * The local stand-in for CloudWatch: the same EMF lines Powertools writes on Lambda are collected here (and
 * appended to a file, so the numbers survive a restart) for the operator counters of the portal's city view.
 */
export class LocalMetrics {
  readonly totals: MetricTotals = { counts: {}, decisions: {}, durations: {}, byUnit: {} };

  constructor(private readonly file: string) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line) this.add(line, false);
    }
  }

  /** One line as Powertools' console.log would have printed it. */
  add(line: string, persist = true): void {
    let emf: EmfLine;
    try {
      emf = JSON.parse(line) as EmfLine;
    } catch {
      return;
    }
    const directive = emf._aws?.CloudWatchMetrics?.[0];
    if (!directive) return;
    if (persist) appendFileSync(this.file, `${line}\n`);
    // A per-unit copy repeats a unit-less line: counted by unit only, or every total would count twice.
    const unit = directive.Dimensions?.some((set) => set.includes('unit')) ? String(emf.unit) : undefined;
    for (const m of directive.Metrics ?? []) {
      const raw = emf[m.Name];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is number => typeof v === 'number');
      if (unit !== undefined) {
        if (m.Unit === 'Seconds') continue;
        const mine = this.totals.byUnit[unit] ?? {};
        mine[m.Name] = (mine[m.Name] ?? 0) + values.reduce((a, b) => a + b, 0);
        this.totals.byUnit[unit] = mine;
        continue;
      }
      if (m.Unit === 'Seconds') {
        this.totals.durations[m.Name] = [...(this.totals.durations[m.Name] ?? []), ...values];
        continue;
      }
      const sum = values.reduce((a, b) => a + b, 0);
      this.totals.counts[m.Name] = (this.totals.counts[m.Name] ?? 0) + sum;
      if (m.Name === 'Decisions' && typeof emf.decision === 'string') {
        const key = `${emf.decision}/${String(emf.role)}`;
        this.totals.decisions[key] = (this.totals.decisions[key] ?? 0) + sum;
      }
    }
  }
}
