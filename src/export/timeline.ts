/**
 * Publication dates for dynamic exports: article id → ISO date (from the graph's
 * `articles` attribute), and the earliest date among several. Only well-formed
 * YYYY-MM-DD dates are used, since they land in xs:date attributes.
 */
import type { ParleyGraph } from "../graph/persist.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

export function articleDates(graph: ParleyGraph): Map<string, string> {
  const articles = graph.getAttribute("articles");
  const dates = new Map<string, string>();
  for (const a of Array.isArray(articles) ? articles : []) if (a && isIsoDate(a.published)) dates.set(String(a.id), a.published);
  return dates;
}

export function firstDate(values: Iterable<unknown>): string | null {
  let first: string | null = null;
  for (const v of values) if (isIsoDate(v) && (first === null || v < first)) first = v;
  return first;
}

export function graphSpan(dates: Map<string, string>): { start: string; end: string } | null {
  const all = [...dates.values()].sort();
  return all.length ? { start: all[0]!, end: all[all.length - 1]! } : null;
}
