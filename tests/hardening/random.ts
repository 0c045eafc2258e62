/**
 * Seeded randomness for the hardening and soak runs: the same seed gives the same
 * kill delays, request mix and generated articles, so a failure can be replayed
 * (every run prints its seed; PARLEY_SEED overrides it).
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, good enough to spread kill moments and requests. */
export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new TypeError(`hardening/random: expecting an integer seed, got ${seed}`);
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int,
    pick<T>(items: readonly T[]): T {
      if (!items.length) throw new RangeError("hardening/random: cannot pick from an empty list");
      return items[int(items.length)]!;
    },
  };
}

/** The run's seed: PARLEY_SEED if set, else a fixed default so CI runs are reproducible. */
export function runSeed(fallback: number): number {
  const raw = process.env.PARLEY_SEED;
  if (raw === undefined || raw === "") return fallback;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new TypeError(`PARLEY_SEED must be an integer, got "${raw}"`);
  return seed;
}

/** A count from an environment variable (e.g. PARLEY_KILLS), else the default. */
export function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}
