/**
 * Attribute values of the binary snapshot, packed: a tag byte then its payload
 * (small integers fit in the tag), strings as ids into the string table, and
 * objects as a shape (its key list, stored once) followed by the values in key
 * order. Encoding follows JSON.stringify's rules, so a value decodes to exactly
 * what JSON.parse makes of graph.json: non-finite numbers become null, -0 is 0,
 * undefined, functions and symbols vanish from objects and are null in arrays,
 * and anything with toJSON (a Date) or a boxed primitive goes through JSON itself.
 */
import type { StringTableWriter } from "./string-table.ts";

const enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Uint = 3,
  NegInt = 4,
  Float = 5,
  Str = 6,
  Arr = 7,
  Obj = 8,
  /** 0x80 | n: the integer n, 0..127. */
  Small = 0x80,
}

/** A growable byte buffer. */
export class ByteSink {
  bytes = Buffer.allocUnsafe(1 << 16);
  length = 0;

  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** A non-negative integer ≤ 2^53, seven bits a byte, low bits first. */
  varint(n: number): void {
    this.reserve(8);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }

  float(x: number): void {
    this.reserve(8);
    this.bytes.writeDoubleLE(x, this.length);
    this.length += 8;
  }

  contents(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";
const isBoxed = (v: object) => v instanceof Number || v instanceof String || v instanceof Boolean || (typeof BigInt === "function" && v instanceof BigInt);

export class ValueWriter {
  readonly out = new ByteSink();
  /** Key lists (string ids); shape 0 has none. */
  readonly shapes: number[][] = [[]];
  private readonly transitions: Array<Map<string, number> | undefined> = [];
  private readonly stack: unknown[] = [];

  constructor(private readonly strings: StringTableWriter) {}

  /** Writes one value as it sits under `key` of its parent (the key toJSON is called with). */
  value(v: unknown, key: string): void {
    const out = this.out;
    switch (typeof v) {
      case "string":
        out.byte(Tag.Str);
        return out.varint(this.strings.id(v));
      case "number":
        return this.number(v);
      case "boolean":
        return out.byte(v ? Tag.True : Tag.False);
      case "object":
        if (v === null) return out.byte(Tag.Null);
        if (typeof (v as { toJSON?: unknown }).toJSON === "function" || isBoxed(v)) return this.value(JSON.parse(JSON.stringify({ [key]: v }))[key], key);
        if (Array.isArray(v)) {
          out.byte(Tag.Arr);
          out.varint(v.length);
          for (let i = 0; i < v.length; i++) {
            const item = v[i];
            if (skipped(item)) out.byte(Tag.Null);
            else this.value(item, String(i));
          }
          return;
        }
        return this.object(v as Record<string, unknown>);
      case "bigint":
        throw new TypeError("graph/snapshot: a BigInt attribute cannot be serialized (JSON.stringify refuses it too)");
      default:
        return out.byte(Tag.Null); // undefined, function, symbol: only reached inside an array, where JSON writes null
    }
  }

  /**
   * An object: its shape (the keys JSON.stringify would write, in its order), then their values.
   * Shapes are found key by key through a tree of transitions, as hidden classes are, and the
   * values wait on one shared stack, so writing an object allocates nothing but its key list.
   */
  object(o: Record<string, unknown>): void {
    const stack = this.stack;
    const base = stack.length;
    let shape = 0;
    for (const k of Object.keys(o)) {
      const v = o[k]; // read once, as JSON.stringify does
      if (skipped(v)) continue;
      shape = this.next(shape, k);
      stack.push(v, k);
    }
    const end = stack.length;
    this.out.byte(Tag.Obj);
    this.out.varint(shape);
    // Nested objects push above `end` and cut the stack back to it.
    for (let i = base; i < end; i += 2) this.value(stack[i], stack[i + 1] as string);
    stack.length = base;
  }

  /** The shape `shape` plus one more key. */
  private next(shape: number, key: string): number {
    const out = (this.transitions[shape] ??= new Map());
    let to = out.get(key);
    if (to === undefined) {
      to = this.shapes.push([...this.shapes[shape], this.strings.id(key)]) - 1;
      out.set(key, to);
    }
    return to;
  }

  private number(x: number): void {
    const out = this.out;
    if (!Number.isFinite(x)) return out.byte(Tag.Null);
    if (Number.isSafeInteger(x)) {
      if (x >= 0 && x < 0x80) return out.byte(Tag.Small | x); // -0 lands here and is written as 0, as JSON does
      out.byte(x >= 0 ? Tag.Uint : Tag.NegInt);
      return out.varint(Math.abs(x));
    }
    out.byte(Tag.Float);
    out.float(x);
  }
}

/** Decodes values from the packed bytes; `string(id)` gives the table's strings, `shapes` the key lists. */
export class ValueReader {
  pos = 0;
  private readonly view: DataView;
  private readonly templates: Array<Record<string, unknown> | undefined> = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly string: (id: number) => string,
    private readonly shapes: readonly string[][],
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private varint(): number {
    const bytes = this.bytes;
    let b = bytes[this.pos++];
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let scale = 0x80;
    for (;;) {
      b = bytes[this.pos++];
      if (b === undefined) throw new RangeError("graph/snapshot: value runs past its bytes");
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }

  read(): unknown {
    const tag = this.bytes[this.pos++];
    if (tag >= Tag.Small) return tag & 0x7f;
    switch (tag) {
      case Tag.Str:
        return this.string(this.varint());
      case Tag.Obj:
        return this.readObject();
      case Tag.Arr:
        return this.readArray(this.varint());
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Uint:
        return this.varint();
      case Tag.NegInt:
        return -this.varint();
      case Tag.Float: {
        const x = this.view.getFloat64(this.pos, true);
        this.pos += 8;
        return x;
      }
      default:
        throw new RangeError(`graph/snapshot: unknown value tag ${tag}`);
    }
  }

  /** Arrays of their exact length (a pushed-to array keeps room for 16 more). */
  private readArray(n: number): unknown[] {
    if (n === 0) return [];
    if (n === 1) return [this.read()];
    if (n === 2) {
      const a = this.read();
      return [a, this.read()];
    }
    const a: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) a[i] = this.read();
    return a;
  }

  /**
   * Each shape's objects are copies of one template made by JSON.parse, so they
   * get its hidden class, sized for exactly their keys, with an own "__proto__"
   * where there is one; the values are then set in key order.
   */
  private readObject(): Record<string, unknown> {
    const shape = this.varint();
    const keys = this.shapes[shape];
    if (!keys) throw new RangeError("graph/snapshot: unknown object shape");
    const template = (this.templates[shape] ??= JSON.parse(`{${keys.map((k) => `${JSON.stringify(k)}:null`).join(",")}}`));
    const o: Record<string, unknown> = { ...template };
    for (let i = 0; i < keys.length; i++) o[keys[i]] = this.read();
    return o;
  }
}
