/**
 * Shared shapes of the benchmark: a workload (graph size), what a task gets in
 * its child process, what it hands back, and one figure of results.json.
 */
export interface Workload {
  /** `10k/100k`, `100k/1M`: nodes/edges, the name figures are reported under. */
  name: string;
  nodes: number;
  edges: number;
}

export interface TaskContext {
  workload: Workload;
  seed: number;
  /** The workload's generated graph (graphology JSON), shared by every task of the run. */
  graphFile: string;
  /** Scratch folder for outputs (exports, article copies, profiles). */
  tmpDir: string;
  quick: boolean;
  /** Which implementation a one-sided task measures. */
  side: "parley" | "peer";
}

/** A task's numbers; the child adds `maxRssMB` (peak RSS of its own process). */
export type TaskResult = Record<string, number | string | boolean | null | string[] | number[]>;

export interface Figure {
  name: string;
  workload: string;
  unit: string;
  parley: number;
  peer: number | null;
  peerName: string | null;
  /** parley / peer, or null when there is no peer. */
  ratio: number | null;
}

export interface BenchResults {
  machine: { cpus: string; cores: number; memoryGB: number; node: string; platform: string };
  date: string;
  mode: "full" | "quick";
  figures: Figure[];
  /** Things a figure alone does not say: validation, guards, profiles. */
  notes: Record<string, unknown>;
  /** Runs of some tasks alone (`parley bench --only`) folded in since the last whole run, oldest first. */
  updates?: Array<{ date: string; mode: "full" | "quick"; tasks: string[]; machine: BenchResults["machine"] }>;
}

export class BenchError extends Error {
  override name = "BenchError";
}
