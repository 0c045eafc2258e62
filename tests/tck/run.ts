/**
 * `npm run tck [-- options]`: the openCypher TCK's read-only scenarios against
 * Parley's engine, in process, with passes per feature area.
 *
 *   --features DIR   the TCK's features folder (default ../shared/tck/features)
 *   --area PREFIX    only features whose path starts with PREFIX (e.g. expressions/list)
 *   --failures       list each failing scenario with the reason
 *   --save FILE      write every verdict as JSON (the input of --against)
 *   --against FILE   compare with a saved run: areas before → after, and the
 *                    scenarios that passed there and fail now (exit 1 if any)
 */
import { Command } from "commander";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runTck, type TckRun } from "./tck-run.ts";

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const program = new Command("tck")
  .option("--features <dir>", "the TCK's features folder", join(PROJECT, "../shared/tck/features"))
  .option("--area <prefix>", "only features under this path prefix")
  .option("--failures", "list failing scenarios with the reason")
  .option("--save <file>", "write the verdicts as JSON")
  .option("--against <file>", "compare with a run saved by --save")
  .parse();
const opts = program.opts<{ features: string; area?: string; failures?: boolean; save?: string; against?: string }>();

if (!existsSync(opts.features)) {
  process.stderr.write(`tck: no features folder at ${opts.features} (give --features DIR)\n`);
  process.exit(2);
}
const run = await runTck(opts.features, { area: opts.area });
const before: TckRun | null = opts.against ? (JSON.parse(readFileSync(opts.against, "utf8")) as TckRun) : null;

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "–");
const rows = Object.entries(run.areas).map(([area, a]) => {
  const was = before?.areas[area];
  return [area, `${a.passed}/${a.total}`, pct(a.passed, a.total), was ? `${was.passed}/${was.total}` : ""];
});
const header = ["area", "passed", "%", before ? "before" : ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
console.log(line(header));
for (const r of rows) console.log(line(r));
const t = run.totals;
console.log(`\nread-only scenarios with plain-data setup: ${t.passed}/${t.total} passed (${pct(t.passed, t.total)}%)` + (before ? `, before ${before.totals.passed}/${before.totals.total}` : ""));
console.log(`out of scope: ${t.writes} write, ${t.setup} setup not plain data, ${t.steps} other steps (procedures, control queries)`);

if (opts.failures) for (const [id, v] of Object.entries(run.verdicts)) if (v.status === "fail") console.log(`FAIL ${id}\n  ${v.reason}`);
if (opts.save) writeFileSync(opts.save, JSON.stringify(run, null, 1) + "\n");
if (before) {
  const lost = Object.entries(before.verdicts).filter(([id, v]) => v.status === "pass" && run.verdicts[id]?.status === "fail");
  for (const [id] of lost) console.log(`REGRESSED ${id}: ${(run.verdicts[id] as { reason: string }).reason}`);
  if (lost.length) process.exitCode = 1;
}
