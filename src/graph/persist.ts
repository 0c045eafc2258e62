/**
 * Reading and writing the graph file. Every write is crash-safe: temp file in the
 * same folder → fsync → rename over the target → fsync of the folder, so a reader
 * (or a process killed mid-write) only ever sees the previous or the new file.
 *
 * Reading streams: a 1M-edge file is ~400 MB of JSON, and holding its text, its
 * parsed tree and the graph at once is what made a load peak at 1.5 GB. So the
 * node and edge records are cut out of the file a few thousand at a time,
 * parsed, their repeated short strings (types, labels, rules, article ids,
 * dates) shared, and imported into graphology (which stays the one in-memory
 * graph). Any file the streaming reader does not expect (other key order,
 * duplicate keys, invalid JSON…) is parsed whole, exactly as before, so
 * behaviour and error messages match graphology's own import.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { open, rename, readFile, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";

export type ParleyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export class GraphFileError extends Error {
  override name = "GraphFileError";
  expose = true;
}

/** Writes `data` to `file` atomically and durably. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  const dirHandle = await open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** graphology's own serialization, pretty-printed so a commit's diff shows what changed. */
export function serializeGraph(graph: ParleyGraph): string {
  return JSON.stringify(graph.export(), null, 1) + "\n";
}

export async function saveGraph(graph: ParleyGraph, file: string): Promise<void> {
  await writeFileAtomic(file, serializeGraph(graph));
}

export function graphFromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>): ParleyGraph {
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(data);
  return graph;
}

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
const DEFAULT_TUNING: StreamTuning = { readBytes: 4 * 2 ** 20, batchRecords: 2048, batchBytes: 64 * 2 ** 10 };
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
      for (const key in record) record[key] = share(record[key]);
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

const isSystemError = (err: unknown): err is NodeJS.ErrnoException => err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && "syscall" in err;

/** The whole file as one string, parsed and imported: for layouts the streaming reader does not take. */
async function readGraphWhole(file: string): Promise<ParleyGraph> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new GraphFileError(`cannot read graph file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    return graphFromJSON(JSON.parse(text));
  } catch (err) {
    throw new GraphFileError(`graph file ${file} is not a graphology graph: ${(err as Error).message}`);
  }
}

/**
 * Loads a graph file (graphology's export format). Same result as
 * `graphFromJSON(JSON.parse(text))`, without the whole text and parse tree in
 * memory at once; errors are GraphFileError naming the file.
 */
export async function loadGraph(file: string): Promise<ParleyGraph> {
  return loadGraphTuned(file, DEFAULT_TUNING);
}

/** loadGraph with the streaming reader's read and batch sizes given (tests cut tiny windows). */
export async function loadGraphTuned(file: string, tuning: StreamTuning): Promise<ParleyGraph> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    throw new GraphFileError(`cannot read graph file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    return readGraphStreaming(fd, tuning);
  } catch (err) {
    if (isSystemError(err)) throw new GraphFileError(`cannot read graph file ${file}: ${err.code}`);
    // Not the expected layout, not valid JSON, or refused by graphology: the whole-file
    // path either reads it or throws the same error the previous loader did.
  } finally {
    closeSync(fd);
  }
  return readGraphWhole(file);
}
