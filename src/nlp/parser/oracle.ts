/**
 * The dynamic oracle of the arc-eager system (Goldberg & Nivre 2012): the cost
 * of a transition is the number of gold arcs it makes unreachable. Training
 * follows the model's own (possibly wrong) choices and is taught, from any
 * configuration, the best transition still available — so the parser learns
 * to recover from its mistakes instead of only ever seeing gold histories.
 * `gold[i]` is word i's gold head (n for the root).
 */
import { LEFT, NONE, REDUCE, RIGHT, SHIFT, type ParserState } from "./state.ts";

export function transitionCost(state: ParserState, action: number, gold: Int32Array): number {
  const { n, b, stack, depth, heads } = state;
  const s0 = state.s0;
  let cost = 0;
  switch (action) {
    case LEFT: {
      // s0 leaves: its dependents still in the buffer and a head later in the buffer are lost.
      for (let k = b; k < n; k++) if (gold[k] === s0) cost++;
      const h = gold[s0]!;
      if (h >= b && h !== b) cost++;
      return cost;
    }
    case RIGHT: {
      // b0 gets s0 as its head: a different head on the stack or later in the buffer is lost,
      // and so are its dependents waiting on the stack without a head.
      const h = gold[b]!;
      if (h !== s0) {
        if (h > b) cost++;
        else for (let i = 0; i < depth; i++) if (stack[i] === h) cost++;
      }
      for (let i = 0; i < depth; i++) if (heads[stack[i]!] === NONE && gold[stack[i]!] === b) cost++;
      return cost;
    }
    case REDUCE: {
      for (let k = b; k < n; k++) if (gold[k] === s0) cost++;
      return cost;
    }
    case SHIFT: {
      const h = gold[b]!;
      for (let i = 0; i < depth; i++) {
        const k = stack[i]!;
        if (k === h) cost++;
        if (heads[k] === NONE && gold[k] === b) cost++;
      }
      return cost;
    }
  }
  return cost;
}

export { SHIFT, REDUCE, LEFT, RIGHT };
