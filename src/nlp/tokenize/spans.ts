/**
 * A growable list of [start, end) character spans, the tokenizer's output
 * before it becomes WordToken objects. Typed arrays keep the hot loop free
 * of per-word allocations; one list is reused across calls.
 */

export class SpanList {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;

  reset(): void {
    this.length = 0;
    // Let one huge input's buffers go rather than keep them for the process's life.
    if (this.starts.length > 1 << 16) {
      this.starts = new Int32Array(256);
      this.ends = new Int32Array(256);
    }
  }

  push(start: number, end: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** Moves the end of the last span, e.g. to give an abbreviation its period. */
  setLastEnd(end: number): void {
    this.ends[this.length - 1] = end;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
