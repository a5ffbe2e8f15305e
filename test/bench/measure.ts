/** Timing and the Markdown table of the benchmark. */

export interface Timing {
  /** Seconds of each measured run, in the order they ran. */
  runs: number[];
  median: number;
  min: number;
  max: number;
}

/** Only present under `node --expose-gc`; the benchmark still runs without it. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Runs `work` once to warm up (JIT, the SQLite page cache, lazily loaded
 * fonts), then `runs` times, and reports the median. Garbage is collected
 * before each run so one run does not pay for the previous run's garbage;
 * its own garbage it does pay for.
 */
export async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  collect();
  await work();
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const start = performance.now();
    await work();
    seconds.push((performance.now() - start) / 1000);
  }
  return {
    runs: seconds,
    median: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
  };
}

export const seconds = (s: number): string =>
  s < 0.1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(3)} s`;
export const size = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(0)} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const thousands = (n: number): string => n.toLocaleString('en-US');

export interface Row {
  measure: string;
  value: string;
  spread?: string;
  target?: string;
  /** undefined: no target, for information only. */
  pass?: boolean;
}

export function markdownTable(rows: readonly Row[], medianHeader = 'median (5 runs)'): string {
  const header = ['measure', medianHeader, 'min – max', 'target', 'result'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.spread ?? '',
    r.target ?? '—',
    r.pass === undefined ? '' : r.pass ? 'pass' : '**FAIL**',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}
