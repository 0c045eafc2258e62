/** sortInSteps: the order one sort gives, for any length around its run and merge sizes, pausing on long arrays. */
import { describe, expect, it } from "vitest";
import { sortInSteps } from "../../src/graph/sort-in-steps.ts";
import { seededRandom } from "../hardening/random.ts";

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function drained<T>(steps: Generator<void, T>): { value: T; pauses: number } {
  for (let pauses = 0; ; pauses++) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
  }
}

describe("sortInSteps", () => {
  it.each([0, 1, 2, 2047, 2048, 2049, 4096, 5000, 40_000])("sorts %i distinct keys as Array.prototype.sort does", (n) => {
    const random = seededRandom(n + 1);
    const keys = [...new Set(Array.from({ length: n * 2 }, () => `${random.int(1e9).toString(36)}|${random.int(16)}`))].slice(0, n);
    const { value } = drained(sortInSteps(keys, byString));
    expect(value).toEqual([...keys].sort(byString));
  });

  it("keeps equal items in their order (stable) and leaves its input alone", () => {
    const items = Array.from({ length: 6000 }, (_, i) => ({ k: i % 7, i }));
    const copy = items.map((x) => ({ ...x }));
    const { value } = drained(sortInSteps(items, (a, b) => a.k - b.k));
    expect(value).toEqual([...copy].sort((a, b) => a.k - b.k));
    expect(items).toEqual(copy);
  });

  it("pauses between runs and merges of a long array", () => {
    expect(drained(sortInSteps(Array.from({ length: 40_000 }, (_, i) => -i), (a, b) => a - b)).pauses).toBeGreaterThan(20);
    expect(drained(sortInSteps([3, 1, 2], (a, b) => a - b)).pauses).toBe(0);
  });
});
