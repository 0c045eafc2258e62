/**
 * A configuration of the arc-eager transition system (Nivre 2003) with the
 * root at the end of the buffer (Ballesteros & Nivre 2013), so that the root
 * takes its dependent last and the stack never holds it. Words are 0..n-1 and
 * the root is n. Children are tracked as they are added: in arc-eager each
 * new left child of a word lies further left than the ones before, and each new
 * right child further right, so the two outermost on each side are kept in O(1).
 */

export const SHIFT = 0, REDUCE = 1, LEFT = 2, RIGHT = 3;
export const ACTIONS = 4;
export const NONE = -1;

export class ParserState {
  readonly n: number;
  readonly stack: Int32Array;
  depth = 0;
  /** Front of the buffer; n (the root) is the last buffer item. */
  b = 0;
  readonly heads: Int32Array;
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n + 1).fill(NONE);
    this.left1 = new Int32Array(n + 1).fill(NONE);
    this.left2 = new Int32Array(n + 1).fill(NONE);
    this.right1 = new Int32Array(n + 1).fill(NONE);
    this.right2 = new Int32Array(n + 1).fill(NONE);
    this.leftCount = new Int32Array(n + 1);
    this.rightCount = new Int32Array(n + 1);
  }

  get s0(): number {
    return this.depth > 0 ? this.stack[this.depth - 1]! : NONE;
  }

  get s1(): number {
    return this.depth > 1 ? this.stack[this.depth - 2]! : NONE;
  }

  get done(): boolean {
    return this.b === this.n && this.depth === 0;
  }

  canApply(action: number): boolean {
    switch (action) {
      case SHIFT:
        return this.b < this.n;
      case RIGHT:
        return this.depth > 0 && this.b < this.n;
      case LEFT:
        return this.depth > 0 && this.heads[this.s0] === NONE;
      default:
        return this.depth > 0 && this.heads[this.s0] !== NONE;
    }
  }

  apply(action: number): void {
    switch (action) {
      case SHIFT:
        this.stack[this.depth++] = this.b++;
        break;
      case RIGHT:
        this.attach(this.s0, this.b);
        this.stack[this.depth++] = this.b++;
        break;
      case LEFT:
        this.attach(this.b, this.s0);
        this.depth--;
        break;
      default:
        this.depth--;
    }
  }

  private attach(head: number, dep: number): void {
    this.heads[dep] = head;
    if (dep < head) {
      this.left2[head] = this.left1[head]!;
      this.left1[head] = dep;
      this.leftCount[head]++;
    } else {
      this.right2[head] = this.right1[head]!;
      this.right1[head] = dep;
      this.rightCount[head]++;
    }
  }
}
