/**
 * The binary snapshot's string table: every distinct string of a graph (keys,
 * attribute names and values) once, numbered in order of first appearance.
 * A string whose characters all fit in one byte is stored as Latin-1, any
 * other as UTF-8, with a flag; so reading them all is one Latin-1 decode of
 * the whole byte area plus a substring per one-byte string (V8 then shares
 * the area's memory), and a lazy reader decodes one string at a time.
 */

/** Latin-1 when every UTF-16 unit is below 256, so one byte per character and offsets are character offsets. */
function fitsLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

export class StringTableWriter {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  /** The string's id, adding it on first sight. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The table's three sections: bytes, offsets (count + 1 entries) and one wide (UTF-8) flag per string. */
  encode(): { bytes: Uint8Array; offsets: Uint32Array; wide: Uint8Array } {
    const n = this.strings.length;
    const offsets = new Uint32Array(n + 1);
    const wide = new Uint8Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = this.strings[i];
      const narrow = fitsLatin1(s);
      wide[i] = narrow ? 0 : 1;
      total += narrow ? s.length : Buffer.byteLength(s, "utf8");
      if (total > 0xffffffff) throw new RangeError("graph/snapshot: the string table exceeds 4 GiB");
      offsets[i + 1] = total;
    }
    const bytes = Buffer.allocUnsafe(total);
    for (let i = 0; i < n; i++) bytes.write(this.strings[i], offsets[i], wide[i] ? "utf8" : "latin1");
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
    if (offsets.length !== this.size + 1 || offsets[this.size] !== bytes.length) throw new RangeError("graph/snapshot: string table offsets do not match its bytes");
  }

  /** One string, decoded now (a lazy reader's path). */
  get(id: number): string {
    if (!(id >= 0 && id < this.size)) throw new RangeError(`graph/snapshot: no string ${id}`);
    return this.bytes.toString(this.wide[id] ? "utf8" : "latin1", this.offsets[id], this.offsets[id + 1]);
  }

  /** Every string, for a reader that needs them all: one decode of the whole area, then substrings of it. */
  all(): string[] {
    const { offsets, wide, size } = this;
    const area = this.bytes.toString("latin1");
    const out: string[] = new Array(size);
    for (let i = 0; i < size; i++) out[i] = wide[i] ? this.bytes.toString("utf8", offsets[i], offsets[i + 1]) : area.substring(offsets[i], offsets[i + 1]);
    return out;
  }
}
