/**
 * Prints a load run as a per-route table (count, unexpected non-2xx, transport
 * errors, p50/p99/max latency in ms) and totals, for the test log and reports.
 */
import type { LoadResult, RouteStats } from "./load-driver.ts";

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface RouteRow {
  route: string;
  count: number;
  unexpected: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export function routeRows(result: LoadResult): RouteRow[] {
  return [...result.routes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, s]: [string, RouteStats]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return { route, count: s.count, unexpected: s.unexpected, errors: s.errors, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, statuses: s.statuses };
    });
}

export function formatLoadTable(result: LoadResult, title: string): string {
  const rows = routeRows(result);
  const total = rows.reduce((n, r) => n + r.count, 0);
  const seconds = result.elapsedMs / 1000;
  const fmt = (n: number) => n.toFixed(1).padStart(9);
  const lines = [
    `${title}: ${total} requests in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} req/s), ${result.posted.length} articles posted`,
    `${"route".padEnd(16)}${"count".padStart(8)}${"non-2xx".padStart(9)}${"errors".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"max ms".padStart(9)}  statuses`,
    `(non-2xx counts answers outside 2xx, except deliberate bad requests answering their expected 4xx)`,
    ...rows.map((r) => `${r.route.padEnd(16)}${String(r.count).padStart(8)}${String(r.unexpected).padStart(9)}${String(r.errors).padStart(8)}${fmt(r.p50)}${fmt(r.p99)}${fmt(r.max)}  ${JSON.stringify(r.statuses)}`),
  ];
  for (const [route, s] of result.routes) for (const sample of s.samples) lines.push(`  unexpected ${route}: ${sample}`);
  return lines.join("\n");
}
