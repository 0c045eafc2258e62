/**
 * The benchmark's outputs: a console table of the figures and bench/results.json
 * ({machine, date, figures: [{name, workload, unit, parley, peer, peerName, ratio}]}).
 */
import { cpus, totalmem } from "node:os";
import { readFile, writeFile } from "node:fs/promises";
import { FIGURES } from "./figures.ts";
import type { BenchResults, Figure } from "./task-types.ts";

export function machine(): BenchResults["machine"] {
  const list = cpus();
  return { cpus: list[0]?.model ?? "unknown", cores: list.length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

const cell = (x: number | null) => (x === null ? "—" : Number.isNaN(x) ? "n/a" : String(x));

export function formatTable(figures: Figure[]): string {
  const header = ["workload", "figure", "unit", "parley", "peer", "ratio", "peer name"];
  const rows = figures.map((f) => [f.workload, f.name, f.unit, cell(f.parley), cell(f.peer), cell(f.ratio), f.peerName ?? ""]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  // NaN is not JSON: a figure that could not be measured is written as null.
  await writeFile(file, JSON.stringify(results, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
}

export async function readResults(file: string): Promise<BenchResults | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as BenchResults;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Notes of `from` into `into`; a note both hold as an object is merged one level down (the corpus tasks share one). */
export function mergeNotes(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) into[k] = isRecord(into[k]) && isRecord(v) ? { ...into[k], ...v } : v;
}

/**
 * A run of some tasks (`tasks`) folded into the results of an earlier run: each of its figures takes the place
 * of the earlier one of the same name and workload, earlier figures of those tasks it did not measure again are
 * dropped, everything else stays; `updates` lists such runs since the last whole one.
 */
export function mergeResults(earlier: BenchResults | null, partial: BenchResults, tasks: string[]): BenchResults {
  if (!earlier) return { ...partial, updates: [{ date: partial.date, mode: partial.mode, tasks, machine: partial.machine }] };
  const redone = new Set(tasks.flatMap((t) => (FIGURES[t] ?? []).map((f) => f.name)));
  const fresh = new Map(partial.figures.map((f) => [`${f.name}\0${f.workload}`, f]));
  const figures: Figure[] = [];
  for (const f of earlier.figures) {
    const id = `${f.name}\0${f.workload}`;
    const now = fresh.get(id);
    if (now) (figures.push(now), fresh.delete(id));
    else if (!redone.has(f.name)) figures.push(f);
  }
  figures.push(...fresh.values());
  const notes = { ...earlier.notes };
  mergeNotes(notes, partial.notes);
  return { ...earlier, figures, notes, updates: [...(earlier.updates ?? []), { date: partial.date, mode: partial.mode, tasks, machine: partial.machine }] };
}

/** The figures as a Markdown table, for bench/README.md. */
export function formatMarkdown(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.workload} | ${f.name} | ${f.unit} | ${cell(f.parley)} | ${cell(f.peer)} | ${cell(f.ratio)} | ${f.peerName ?? ""} |`);
  return ["| workload | figure | unit | Parley | peer | ratio | peer |", "|---|---|---|--:|--:|--:|---|", ...rows].join("\n");
}
