/**
 * `parley bench [--quick] [--out FILE] [--only TASKS]`: runs the benchmark
 * (bench/run.ts), prints its figures as a table and writes them to
 * bench/results.json. --quick runs only the 10k/100k workload with shorter runs
 * (CI's smoke run); --only runs some tasks and updates their figures alone.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";

export function registerBench(program: Command): void {
  program
    .command("bench")
    .description("benchmark Parley side by side with graphology and Express; writes bench/results.json")
    .option("--quick", "10k/100k only, short runs (under a minute)", false)
    .option("--out <file>", "results file", resolve(PROJECT_ROOT, "bench/results.json"))
    .option("--seed <n>", "seed of the generated graphs and pairs", "7")
    .option("--only <tasks>", "only these tasks (comma-separated, e.g. corpus-ingest,cold-start): their figures replace theirs in the results file, the others stay")
    .action(async (opts: { quick: boolean; out: string; seed: string; only?: string }) => {
      // Loaded on demand: the benchmark pulls in peers (graphology-gexf, autocannon) no other command needs.
      const { runBench, formatTable } = await import("../../../bench/run.ts");
      const started = performance.now();
      const results = await runBench({ quick: opts.quick, out: resolve(opts.out), seed: Number(opts.seed), only: opts.only?.split(",").map((t) => t.trim()).filter(Boolean) });
      process.stdout.write(`${formatTable(results.figures)}\n`);
      process.stderr.write(`parley bench (${results.mode}): ${results.figures.length} figures in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${opts.out}\n`);
    });
}
