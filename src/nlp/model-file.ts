/**
 * The binary container of Parley's language models (graph-data/models/*.bin):
 *
 *   "PARLEYNLP2\n"  magic (11 bytes)
 *   uint32 LE       length of the header
 *   header          UTF-8 JSON: { kind, version, meta, sha256, sections: [{name, type, offset, length}] }
 *   sections        typed arrays, each starting on an 8-byte boundary after the header
 *
 * Not compressed: the arrays are read in place, with no copy, and loading
 * must take well under the 300 ms budget (gunzip alone took 150 ms of it,
 * for files that shrank by a third: hash keys do not compress). The SHA-256
 * of the sections catches a corrupt or truncated file, which gzip's CRC did
 * before. Nothing in a model file is ever executed: the header is plain JSON
 * and the sections are numbers.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const MAGIC = "PARLEYNLP2\n";
const OLD_MAGIC_GZIP = [0x1f, 0x8b];
export const MODEL_FORMAT_VERSION = 2;

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
  const body = Buffer.alloc(offset);
  Object.values(sections).forEach((array, i) => {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(body, infos[i]!.offset);
  });
  // The checksum goes in the header, so the sections are laid out before the header is known.
  const sha256 = createHash("sha256").update(body).digest("hex");
  const header = Buffer.from(JSON.stringify({ kind, version: MODEL_FORMAT_VERSION, meta, sha256, sections: infos }), "utf8");
  const start = align8(MAGIC.length + 4 + header.length);
  const prefix = Buffer.alloc(start);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(header.length, MAGIC.length);
  header.copy(prefix, MAGIC.length + 4);
  return Buffer.concat([prefix, body]);
}

export function decodeModel(file: string, raw: Buffer, expectedKind: string): ModelContents {
  if (raw[0] === OLD_MAGIC_GZIP[0] && raw[1] === OLD_MAGIC_GZIP[1]) throw new ModelFileError(file, "is a model file of an older Parley (format 1, gzip-compressed)");
  if (raw.length < MAGIC.length + 4 || raw.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new ModelFileError(file, "is not a Parley model file (bad magic)");
  const headerLength = raw.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerLength > raw.length) throw new ModelFileError(file, "is truncated (inside its header)");
  let header: { kind: string; version: number; meta: Record<string, unknown>; sha256: string; sections: SectionInfo[] };
  try {
    header = JSON.parse(raw.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength));
  } catch {
    throw new ModelFileError(file, "has an unreadable header");
  }
  if (header.version !== MODEL_FORMAT_VERSION) throw new ModelFileError(file, `has format version ${header.version}, this Parley reads ${MODEL_FORMAT_VERSION}`);
  if (header.kind !== expectedKind) throw new ModelFileError(file, `holds a ${header.kind} model, expected ${expectedKind}`);
  const start = align8(MAGIC.length + 4 + headerLength);
  const body = raw.subarray(Math.min(start, raw.length));
  const end = header.sections.reduce((e, s) => Math.max(e, s.offset + s.length * (CONSTRUCTORS[s.type]?.BYTES_PER_ELEMENT ?? 1)), 0);
  if (body.length < end) throw new ModelFileError(file, `is truncated (${raw.length} bytes, its sections need ${start + end})`);
  if (createHash("sha256").update(body).digest("hex") !== header.sha256) throw new ModelFileError(file, "is corrupt (its sections do not match the checksum in its header)");
  const sections = new Map<string, SectionArray>();
  const buffer = raw.buffer as ArrayBuffer;
  for (const s of header.sections) {
    const ctor = CONSTRUCTORS[s.type];
    if (!ctor) throw new ModelFileError(file, `section ${s.name} has unknown type ${s.type}`);
    const byteOffset = raw.byteOffset + start + s.offset;
    // Sections are 8-byte aligned within the file; a view needs them aligned in memory too, which a file's own buffer is.
    if (byteOffset % ctor.BYTES_PER_ELEMENT === 0) sections.set(s.name, new ctor(buffer, byteOffset, s.length));
    else sections.set(s.name, new ctor(buffer.slice(byteOffset, byteOffset + s.length * ctor.BYTES_PER_ELEMENT)));
  }
  return { kind: header.kind, meta: header.meta, sections };
}

const CONSTRUCTORS: Record<string, typeof Uint32Array | typeof Int32Array | typeof Uint16Array | typeof Int16Array | typeof Float32Array | typeof Uint8Array> = { u32: Uint32Array, i32: Int32Array, u16: Uint16Array, i16: Int16Array, f32: Float32Array, u8: Uint8Array };

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
