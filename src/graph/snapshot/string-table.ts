/**
 * The binary snapshot's string table: every distinct string of a graph (keys,
 * attribute names and values) once, numbered in order of first appearance.
 * A string whose characters all fit in one byte is stored as Latin-1, any
 * other as UTF-8 — or as UTF-16 when it holds a lone surrogate, which UTF-8
 * cannot carry (JSON escapes it as \udxxx and gives it back) — with a flag
 * saying which; so reading them all is one Latin-1 decode of the whole byte
 * area plus a substring per one-byte string (V8 then shares the area's
 * memory), and a lazy reader decodes one string at a time.
 */

/** Latin-1 when every UTF-16 unit is below 256, so one byte per character and offsets are character offsets. */
const WIDE = /[^\u0000-\u00ff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** How a string is stored, by its StringWide flag. */
const ENCODINGS = ["latin1", "utf8", "utf16le"] as const;

function encodingOf(s: string): 0 | 1 | 2 {
  return !WIDE.test(s) ? 0 : LONE_SURROGATE.test(s) ? 2 : 1;
}

/** Short strings (types, labels, article ids, dates) repeat a lot and are few: their own small table stays in cache. */
const SHORT = 40;

export class StringTableWriter {
  private readonly shortIds = new Map<string, number>();
  private readonly longIds = new Map<string, number>();
  private readonly strings: string[] = [];

  /** The string's id, adding it on first sight. */
  id(s: string): number {
    const ids = s.length <= SHORT ? this.shortIds : this.longIds;
    let id = ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      ids.set(s, id);
    }
    return id;
  }

  /**
   * An id for a string known to be new to the table and never looked up by id() (a node or edge
   * key: keys are unique), without the lookup; an attribute equal to it gets an id of its own.
   */
  unique(s: string): number {
    return this.strings.push(s) - 1;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The table's three sections: bytes, offsets (count + 1 entries) and one encoding flag per string (0 Latin-1, 1 UTF-8, 2 UTF-16). */
  encode(): { bytes: Uint8Array; offsets: Uint32Array; wide: Uint8Array } {
    const { strings } = this;
    const n = strings.length;
    const offsets = new Uint32Array(n + 1);
    const wide = new Uint8Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = strings[i];
      const encoding = (wide[i] = encodingOf(s));
      total += encoding === 0 ? s.length : Buffer.byteLength(s, ENCODINGS[encoding]);
      if (total > 0xffffffff) throw new RangeError("graph/snapshot: the string table exceeds 4 GiB");
      offsets[i + 1] = total;
    }
    const bytes = Buffer.allocUnsafe(total);
    // Runs of one-byte strings are joined and written at once; a wide one on its own.
    for (let i = 0; i < n; ) {
      let j = i;
      while (j < n && !wide[j]) j++;
      if (j > i) bytes.write(strings.slice(i, j).join(""), offsets[i], "latin1");
      if (j < n) bytes.write(strings[j], offsets[j], ENCODINGS[wide[j]]);
      i = j + 1;
    }
    return { bytes, offsets, wide };
  }
}

/** Read side over the three sections (views into the snapshot file's bytes). */
export class StringTable {
  readonly size: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly offsets: Uint32Array,
    private readonly wide: Uint8Array,
  ) {
    this.size = wide.length;
    if (offsets.length !== this.size + 1 || offsets[0] !== 0 || offsets[this.size] !== bytes.length) throw new RangeError("graph/snapshot: string table offsets do not match its bytes");
    for (let i = 0; i < this.size; i++) {
      if (offsets[i] > offsets[i + 1] || wide[i] >= ENCODINGS.length) throw new RangeError("graph/snapshot: string table entry out of range");
    }
  }

  /** One string, decoded now (a lazy reader's path). */
  get(id: number): string {
    if (!(id >= 0 && id < this.size)) throw new RangeError(`graph/snapshot: no string ${id}`);
    return this.bytes.toString(ENCODINGS[this.wide[id]], this.offsets[id], this.offsets[id + 1]);
  }

  /** Every string, for a reader that needs them all: one decode of the whole area, then substrings of it. */
  all(): string[] {
    const { offsets, wide, size } = this;
    const area = this.bytes.toString("latin1");
    const out: string[] = new Array(size);
    for (let i = 0; i < size; i++) out[i] = wide[i] ? this.bytes.toString(ENCODINGS[wide[i]], offsets[i], offsets[i + 1]) : area.substring(offsets[i], offsets[i + 1]);
    return out;
  }
}
