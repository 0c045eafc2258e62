/**
 * The binary container of Parley's language models (graph-data/models/*.bin):
 *
 *   "PARLEYNLP1\n"  magic (11 bytes)
 *   uint32 LE       length of the header
 *   header          UTF-8 JSON: { kind, version, meta, sections: [{name, type, offset, length}] }
 *   sections        typed arrays, each starting on an 8-byte boundary after the header
 *
 * The whole file is gzip-compressed. Nothing in a model file is ever executed:
 * the header is plain JSON and the sections are numbers.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

const MAGIC = "PARLEYNLP1\n";
export const MODEL_FORMAT_VERSION = 1;

type ArrayType = "u32" | "i32" | "u16" | "i16" | "f32" | "u8";
export type SectionArray = Uint32Array | Int32Array | Uint16Array | Int16Array | Float32Array | Uint8Array;

interface SectionInfo {
  name: string;
  type: ArrayType;
  offset: number;
  length: number;
}

export interface ModelContents {
  kind: string;
  meta: Record<string, unknown>;
  sections: Map<string, SectionArray>;
}

export class ModelFileError extends Error {
  /** Its message is meant for the user (the CLI prints it as it is). */
  expose = true;
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}. Run \`npm run train\` to rebuild the language models (or restore graph-data/models/ from git).`);
    this.name = "ModelFileError";
  }
}

const typeOf = (a: SectionArray): ArrayType =>
  a instanceof Uint32Array ? "u32" : a instanceof Int32Array ? "i32" : a instanceof Uint16Array ? "u16" : a instanceof Int16Array ? "i16" : a instanceof Float32Array ? "f32" : "u8";

const align8 = (n: number) => (n + 7) & ~7;

export function encodeModel(kind: string, meta: Record<string, unknown>, sections: Record<string, SectionArray>): Buffer {
  const infos: SectionInfo[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    offset = align8(offset);
    infos.push({ name, type: typeOf(array), offset, length: array.length });
    offset += array.byteLength;
  }
  const header = Buffer.from(JSON.stringify({ kind, version: MODEL_FORMAT_VERSION, meta, sections: infos }), "utf8");
  const start = align8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  Object.values(sections).forEach((array, i) => {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + infos[i]!.offset);
  });
  // Level 9 and no timestamp in the gzip header: the same model gives the same bytes.
  return gzipSync(out, { level: 9 });
}

export function decodeModel(file: string, bytes: Buffer, expectedKind: string): ModelContents {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch {
    throw new ModelFileError(file, "is not a gzip-compressed Parley model (corrupt or truncated)");
  }
  if (raw.length < MAGIC.length + 4 || raw.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new ModelFileError(file, "is not a Parley model file (bad magic)");
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let header: { kind: string; version: number; meta: Record<string, unknown>; sections: SectionInfo[] };
  try {
    header = JSON.parse(raw.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength));
  } catch {
    throw new ModelFileError(file, "has an unreadable header");
  }
  if (header.version !== MODEL_FORMAT_VERSION) throw new ModelFileError(file, `has format version ${header.version}, this Parley reads ${MODEL_FORMAT_VERSION}`);
  if (header.kind !== expectedKind) throw new ModelFileError(file, `holds a ${header.kind} model, expected ${expectedKind}`);
  const start = align8(MAGIC.length + 4 + headerLength);
  const sections = new Map<string, SectionArray>();
  for (const s of header.sections) {
    const ctor = { u32: Uint32Array, i32: Int32Array, u16: Uint16Array, i16: Int16Array, f32: Float32Array, u8: Uint8Array }[s.type];
    if (!ctor) throw new ModelFileError(file, `section ${s.name} has unknown type ${s.type}`);
    const byteOffset = start + s.offset;
    const byteLength = s.length * ctor.BYTES_PER_ELEMENT;
    if (byteOffset + byteLength > raw.length) throw new ModelFileError(file, `is truncated (section ${s.name} ends past the file)`);
    // Copy into a fresh aligned buffer: the section offset inside `raw` need not be aligned for the type.
    const copy = new Uint8Array(byteLength);
    copy.set(raw.subarray(byteOffset, byteOffset + byteLength));
    sections.set(s.name, new ctor(copy.buffer));
  }
  return { kind: header.kind, meta: header.meta, sections };
}

export function readModelFile(file: string, expectedKind: string): ModelContents {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelFileError(file, code === "ENOENT" ? "is missing" : `cannot be read (${code ?? String(err)})`);
  }
  return decodeModel(file, bytes, expectedKind);
}

/** A JSON file beside the models (verb forms, name lists), with the same errors as a model file. */
export function readJsonModelFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelFileError(file, code === "ENOENT" ? "is missing" : `cannot be read (${code ?? String(err)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ModelFileError(file, "is not valid JSON");
  }
}

/** A section that must be present, with the type the reader expects. */
export function section<T extends SectionArray>(contents: ModelContents, file: string, name: string, ctor: new (...args: never[]) => T): T {
  const s = contents.sections.get(name);
  if (!(s instanceof ctor)) throw new ModelFileError(file, `lacks section ${name}`);
  return s;
}
