/**
 * Guards that keep one query from taking the process down: a wall-clock limit,
 * a cap on result rows and a cap on path expansions. Execution is synchronous,
 * so the loops call `tick()`/`expand()` and the guard throws QueryGuardError;
 * the clock is read only every 256 ticks to stay cheap.
 */
import { QueryGuardError } from "../errors.ts";

export interface QueryLimits {
  /** Wall-clock budget of one query, in milliseconds. */
  timeoutMs: number;
  /** Most rows a result may have. */
  maxRows: number;
  /** Most relationship expansions by variable-length patterns and path searches. */
  maxExpansions: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({ timeoutMs: 2000, maxRows: 10_000, maxExpansions: 2_000_000 });

/** Checks and merges partial limits over the defaults. */
export function resolveLimits(limits: Partial<QueryLimits> = {}): QueryLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof QueryLimits>) {
    const v = limits[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v > 0)) throw new TypeError(`query/guards: ${key} must be a positive number, got ${String(v)}.`);
    out[key] = v;
  }
  return out;
}

export class Guard {
  private readonly deadline: number;
  private ticks = 0;
  expansions = 0;
  rows = 0;

  constructor(readonly limits: QueryLimits) {
    this.deadline = Date.now() + limits.timeoutMs;
  }

  /** Cheap per-step call from every loop: checks the clock now and then. */
  tick(): void {
    if ((++this.ticks & 255) === 0) this.checkTime();
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw new QueryGuardError("time", this.limits.timeoutMs);
  }

  /** Counts `n` relationship expansions. */
  expand(n = 1): void {
    this.expansions += n;
    if (this.expansions > this.limits.maxExpansions) throw new QueryGuardError("expansions", this.limits.maxExpansions);
    this.tick();
  }

  /** Counts one result row. */
  row(): void {
    if (++this.rows > this.limits.maxRows) throw new QueryGuardError("rows", this.limits.maxRows);
    this.tick();
  }
}

/** A guard that never fires, for callers (benchmarks) that time things themselves. */
export const UNGUARDED = new Guard({ timeoutMs: Number.MAX_SAFE_INTEGER / 2, maxRows: Infinity, maxExpansions: Infinity });
