/**
 * The arc-eager system and its dynamic oracle: from the start, taking any
 * zero-cost transition must rebuild a projective gold tree exactly, and after
 * a wrong move the cheapest transitions must still reach every arc that was
 * not lost. Random projective trees via fast-check.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ParserState, ACTIONS, LEFT, RIGHT, SHIFT, REDUCE } from "../../src/nlp/parser/state.ts";
import { transitionCost } from "../../src/nlp/parser/oracle.ts";
import { singleRoot } from "../../src/nlp/parser/parser.ts";
import { seededRandom } from "../../src/nlp/hash.ts";

/** A random projective tree over n words: heads[i] in 0..n-1, n for the root. */
function projectiveTree(n: number, random: () => number): Int32Array {
  const heads = new Int32Array(n);
  const build = (l: number, r: number, parent: number) => {
    if (l >= r) return;
    const h = l + Math.floor(random() * (r - l));
    heads[h] = parent;
    // Split each side into consecutive spans, each one subtree under h.
    for (const [a, b] of [[l, h], [h + 1, r]] as const) {
      let start = a;
      while (start < b) {
        const end = start + 1 + Math.floor(random() * (b - start));
        build(start, end, h);
        start = end;
      }
    }
  };
  build(0, n, n);
  return heads;
}

function run(gold: Int32Array, choose: (st: ParserState, costs: number[]) => number): Int32Array {
  const st = new ParserState(gold.length);
  let steps = 0;
  while (!st.done) {
    const costs = Array.from({ length: ACTIONS }, (_, a) => (st.canApply(a) ? transitionCost(st, a, gold) : -1));
    st.apply(choose(st, costs));
    if (++steps > 4 * gold.length + 4) throw new Error("transition system did not terminate");
  }
  return st.heads.slice(0, gold.length);
}

describe("arc-eager dynamic oracle", () => {
  it("zero-cost transitions rebuild any projective tree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const gold = projectiveTree(n, random);
        const heads = run(gold, (_, costs) => {
          const zero = costs.map((c, a) => (c === 0 ? a : -1)).filter((a) => a >= 0);
          expect(zero.length).toBeGreaterThan(0);
          return zero[Math.floor(random() * zero.length)]!;
        });
        expect([...heads]).toEqual([...gold]);
      }),
      { numRuns: 300 },
    );
  });

  it("after random mistakes, the cheapest moves lose exactly the arcs the costs said", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 25 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const gold = projectiveTree(n, random);
        let lost = 0;
        const heads = run(gold, (_, costs) => {
          const allowed = costs.map((c, a) => (c >= 0 ? a : -1)).filter((a) => a >= 0);
          const min = Math.min(...allowed.map((a) => costs[a]!));
          const pick = random() < 0.2 ? allowed[Math.floor(random() * allowed.length)]! : allowed.find((a) => costs[a] === min)!;
          lost += costs[pick]!;
          return pick;
        });
        const wrong = [...heads].filter((h, i) => h !== gold[i]).length;
        expect(wrong).toBe(lost);
      }),
      { numRuns: 300 },
    );
  });

  it("preconditions: no pop of a headless word by REDUCE, no arc onto the root from the stack", () => {
    const st = new ParserState(2);
    expect([SHIFT, REDUCE, LEFT, RIGHT].map((a) => st.canApply(a))).toEqual([true, false, false, false]);
    st.apply(SHIFT);
    expect([SHIFT, REDUCE, LEFT, RIGHT].map((a) => st.canApply(a))).toEqual([true, false, true, true]);
    st.apply(RIGHT);
    st.apply(REDUCE);
    // the buffer holds only the root and word 0 has no head: going to the root is the only move
    expect([SHIFT, REDUCE, LEFT, RIGHT].map((a) => st.canApply(a))).toEqual([false, false, true, false]);
    st.apply(LEFT);
    expect(st.done).toBe(true);
    expect([...st.heads.slice(0, 2)]).toEqual([2, 0]);
  });

  it("a parse left with several roots keeps the largest subtree's head as the root", () => {
    // 0 ← 1 (root), 2 (root), 3 → 2: two roots, word 1 heads 2 words, word 2 heads 2 too; first wins on ties
    expect([...singleRoot(Int32Array.of(1, 4, 4, 2), 4)]).toEqual([1, 4, 1, 2]);
    expect([...singleRoot(Int32Array.of(4, 4, 1, 1), 4)]).toEqual([1, 4, 1, 1]);
  });
});
