/** Small statistics helpers for the benchmark: percentiles and timed loops. */

/** The p-th percentile (nearest rank) of already-sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Summary {
  p50: number;
  p99: number;
  mean: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, n: samples.length };
}

/** Milliseconds one call of `fn` takes. */
export function timeMs(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export const mb = (bytes: number) => bytes / 2 ** 20;

/** Peak RSS of this process so far, in MB (resourceUsage reports kilobytes). */
export const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

/**
 * A full garbage collection before a timed step (task children run with
 * --expose-gc), so the step is not charged for collecting what loading the
 * graph left behind: several hundred MB at 100k/1M, on either side.
 */
/**
 * CPU seconds of this process (all its threads) since `before` (process.cpuUsage()):
 * on shared cores the wall time moves with other work, this much less.
 */
export function cpuSecondsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

export const collectGarbage = () => globalThis.gc?.();
