/**
 * The streaming half of loadGraph: cuts a graph file's node and edge records
 * out a few thousand at a time, parses them, shares their repeated short
 * strings (types, labels, rules, article ids, dates) and imports them into
 * graphology, so a 1M-edge file never has its whole text, parse tree and graph
 * in memory at once. Anything but the expected layout throws
 * NotStreamableError, and persist.ts parses the file whole instead.
 */
import { readSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";
import type { ParleyGraph } from "./persist.ts";
import { refuseReservedNodeKeys } from "./reserved-keys.ts";

/** How the streaming reader cuts the file: bytes per read, records per JSON.parse + graph.import. */
export interface StreamTuning {
  readBytes: number;
  batchRecords: number;
  /** A batch also ends once its text reaches this many bytes (default 64 KiB). */
  batchBytes?: number;
}

// Batches of at most ~64 KiB keep each batch's text a young-generation string
// that dies at the next scavenge (bigger strings go to V8's large-object space
// and pile up until a full GC).
export const DEFAULT_TUNING: StreamTuning = { readBytes: 4 * 2 ** 20, batchRecords: 2048, batchBytes: 64 * 2 ** 10 };
/** Longer strings (sentences) are rarely repeated enough to pay for hashing and pooling them. */
const SHARE_MAX_LENGTH = 40;

const [QUOTE, BACKSLASH, COMMA, COLON] = [0x22, 0x5c, 0x2c, 0x3a];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [0x7b, 0x7d, 0x5b, 0x5d];
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The file is not laid out as the streaming reader expects (or is not valid JSON): parse it whole. */
export class NotStreamableError extends Error {
  override name = "NotStreamableError";
}

/**
 * A window on the file's bytes. `pos` is the reading position; bytes from
 * `mark` on are kept when the window slides, so a value being cut out stays whole.
 */
class ByteWindow {
  private buf: Buffer;
  data: Buffer;
  pos = 0;
  mark = 0;
  private ended = false;

  constructor(
    private readonly fd: number,
    readBytes: number,
  ) {
    this.buf = Buffer.allocUnsafe(readBytes);
    this.data = this.buf.subarray(0, 0);
  }

  /** Reads more of the file; false at its end. Shifts `pos` and `mark` when the window slides. */
  fill(): boolean {
    if (this.ended) return false;
    const keep = this.mark;
    let len = this.data.length;
    if (keep > 0) {
      this.buf.copy(this.buf, 0, keep, len);
      len -= keep;
      this.pos -= keep;
      this.mark = 0;
    }
    if (len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, len);
      this.buf = bigger;
    }
    const n = readSync(this.fd, this.buf, len, this.buf.length - len, null);
    this.ended = n === 0;
    this.data = this.buf.subarray(0, len + n);
    return n > 0;
  }

  /** The next byte that is not JSON whitespace (not consumed), or -1 at the end of the file. */
  peek(): number {
    for (;;) {
      const { data } = this;
      while (this.pos < data.length) {
        const c = data[this.pos]!;
        if (!isSpace(c)) return c;
        this.pos++;
      }
      if (!this.fill()) return -1;
    }
  }

  expect(c: number): void {
    if (this.peek() !== c) throw new NotStreamableError();
    this.pos++;
  }

  /** Moves past the string starting at `pos` (its opening quote must stay in the window: mark ≤ pos). */
  skipString(): void {
    this.pos++;
    for (;;) {
      const q = this.data.indexOf(QUOTE, this.pos);
      if (q < 0) {
        this.pos = this.data.length;
        if (!this.fill()) throw new NotStreamableError();
        continue;
      }
      let b = q - 1;
      while (this.data[b] === BACKSLASH) b--;
      this.pos = q + 1;
      if ((q - 1 - b) % 2 === 0) return;
    }
  }

  /** Moves past one JSON value; JSON.parse checks its syntax once it is cut out. */
  skipValue(): void {
    const first = this.peek();
    if (first === QUOTE) return this.skipString();
    let depth = 0;
    for (;;) {
      if (this.pos >= this.data.length && !this.fill()) {
        if (depth === 0) return;
        throw new NotStreamableError();
      }
      const c = this.data[this.pos]!;
      if (c === QUOTE) {
        this.skipString();
        continue;
      }
      if (depth === 0 && (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c))) return; // end of a scalar
      this.pos++;
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return;
    }
  }

  /** Parses the bytes from `mark` to `pos`. */
  parseMarked(): unknown {
    return JSON.parse(this.data.toString("utf8", this.mark, this.pos));
  }
}

/** One copy of each short string value: a million edges then share a few hundred type, rule and date strings. */
function createStringPool(): (value: unknown) => unknown {
  const pool = new Map<string, string>();
  const share = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.length > SHARE_MAX_LENGTH) return value;
      const known = pool.get(value);
      if (known !== undefined) return known;
      pool.set(value, value);
      return value;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = share(value[i]);
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      // Own keys only: an inherited enumerable property is none of the record's business.
      for (const key of Object.keys(record)) record[key] = share(record[key]);
    }
    return value;
  };
  return share;
}

/**
 * Streams the records of a `nodes` or `edges` array into the graph, a batch at a
 * time. One tight pass over the bytes finds where records end (depth and string
 * state only); JSON.parse then checks each batch's full syntax, so a cut is only
 * ever made between two complete records.
 */
function streamRecords(win: ByteWindow, graph: ParleyGraph, field: "nodes" | "edges", share: (value: unknown) => unknown, tuning: StreamTuning): void {
  const { batchRecords, batchBytes = DEFAULT_TUNING.batchBytes! } = tuning;
  win.expect(OPEN_ARRAY);
  win.mark = win.pos;
  let depth = 0;
  let inString = false;
  let count = 0;
  let started = false; // a non-space byte since the mark
  let cut = false; // a batch just ended: only `,` or `]` may follow
  let comma = false; // that `,` was read: a record must follow
  const flush = (end: number) => {
    const records = JSON.parse("[" + win.data.toString("utf8", win.mark, end) + "]") as Array<{ attributes?: unknown }>;
    if (field === "nodes") refuseReservedNodeKeys(records);
    for (const record of records) share(record?.attributes);
    graph.import({ [field]: records });
  };
  for (;;) {
    const data = win.data;
    const n = data.length;
    let i = win.pos;
    for (; i < n; i++) {
      const c = data[i]!;
      if (inString) {
        if (c === BACKSLASH) i++; // may step past the window: the next fill resumes after the escaped byte
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (depth === 0) {
        if (isSpace(c)) continue;
        if (cut) {
          if (c === COMMA) (cut = false), (comma = true), (win.mark = i + 1);
          else if (c === CLOSE_ARRAY) return void (win.pos = i + 1);
          else throw new NotStreamableError();
          continue;
        }
        if (c === CLOSE_OBJECT) throw new NotStreamableError();
        if (c === CLOSE_ARRAY) {
          if (started) flush(i);
          else if (comma) throw new NotStreamableError(); // `,]`
          return void (win.pos = i + 1);
        }
        started = true;
        comma = false;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0 && (++count >= batchRecords || i + 1 - win.mark >= batchBytes)) {
        win.pos = i + 1; // flush may not move the window, but keep pos consistent
        flush(i + 1);
        win.mark = i + 1;
        count = 0;
        started = false;
        cut = true;
      }
    }
    win.pos = i;
    if (!win.fill()) throw new NotStreamableError();
  }
}

/**
 * Reads a graphology JSON file laid out as `{…, "nodes": […], …, "edges": […], …}`
 * (nodes before edges, no key twice), streaming the records. Throws
 * NotStreamableError for any other layout and for invalid JSON, and graphology's
 * errors for records it refuses; loadGraph then parses the file whole.
 */
export function readGraphStreaming(fd: number, tuning: StreamTuning = DEFAULT_TUNING): ParleyGraph {
  if (!(tuning.readBytes >= 1 && tuning.batchRecords >= 1)) throw new TypeError("graph/persist: expecting readBytes and batchRecords ≥ 1.");
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const share = createStringPool();
  const win = new ByteWindow(fd, tuning.readBytes);
  const seen = new Set<string>();
  win.expect(OPEN_OBJECT);
  for (let c = win.peek(); c !== CLOSE_OBJECT; ) {
    if (c !== QUOTE) throw new NotStreamableError();
    win.mark = win.pos;
    win.skipString();
    const key = win.parseMarked() as string;
    if (seen.has(key)) throw new NotStreamableError(); // JSON.parse keeps the last value; stream only the simple case
    seen.add(key);
    win.expect(COLON);
    const isArray = win.peek() === OPEN_ARRAY;
    if (key === "nodes" && isArray && !seen.has("edges")) streamRecords(win, graph, "nodes", share, tuning);
    else if (key === "edges" && isArray && seen.has("nodes")) streamRecords(win, graph, "edges", share, tuning);
    else if (key === "nodes" || key === "edges") throw new NotStreamableError();
    else {
      win.mark = win.pos;
      win.skipValue();
      const value = win.parseMarked();
      if (key === "attributes") graph.import({ attributes: value as GraphAttributes });
    }
    c = win.peek();
    if (c === COMMA) {
      win.pos++;
      c = win.peek();
      if (c === CLOSE_OBJECT) throw new NotStreamableError();
    } else if (c !== CLOSE_OBJECT) throw new NotStreamableError();
  }
  win.pos++;
  if (win.peek() !== -1) throw new NotStreamableError();
  return graph;
}
