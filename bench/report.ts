/**
 * The benchmark's outputs: a console table of the figures and bench/results.json
 * ({machine, date, figures: [{name, workload, unit, parley, peer, peerName, ratio}]}).
 */
import { cpus, totalmem } from "node:os";
import { writeFile } from "node:fs/promises";
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

/** The figures as a Markdown table, for bench/README.md. */
export function formatMarkdown(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.workload} | ${f.name} | ${f.unit} | ${cell(f.parley)} | ${cell(f.peer)} | ${cell(f.ratio)} | ${f.peerName ?? ""} |`);
  return ["| workload | figure | unit | Parley | peer | ratio | peer |", "|---|---|---|--:|--:|--:|---|", ...rows].join("\n");
}
