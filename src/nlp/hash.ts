/**
 * 32-bit hashing for features. Words are hashed once per token (FNV-1a over
 * UTF-16 units); a feature is its template id mixed with one to three values
 * (murmur3's finalizer), so no feature string is ever built at run time.
 * 0 is never returned: the model tables use it to mark an empty slot.
 */

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

function step(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function feature1(template: number, a: number): number {
  return fmix(step(step(0x9747b28c, template), a));
}

export function feature2(template: number, a: number, b: number): number {
  return fmix(step(step(step(0x9747b28c, template), a), b));
}

export function feature3(template: number, a: number, b: number, c: number): number {
  return fmix(step(step(step(step(0x9747b28c, template), a), b), c));
}

/** A seeded pseudo-random generator (mulberry32): training shuffles are the same on every run. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of an array copy with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
