/**
 * Bytes to text, refusing what is not text: binary files (NUL bytes, image
 * signatures), invalid UTF-8, and empty or whitespace-only input. UTF-16 with a
 * byte-order mark is decoded; a UTF-8 BOM is dropped.
 */
import { IngestError } from "./errors.ts";
import { MAX_FILE_BYTES, formatBytes } from "./limits.ts";

/** The refusal of a file over MAX_FILE_BYTES, shared with the loader's check before reading. */
export function tooLargeError(source: string, bytes: number): IngestError {
  return new IngestError(source, `the file is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_FILE_BYTES)} limit for one article`);
}

export function decodeArticleBytes(bytes: Uint8Array, source: string): string {
  if (bytes.length === 0) throw new IngestError(source, "the file is empty");
  if (bytes.length > MAX_FILE_BYTES) throw tooLargeError(source, bytes.length);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode("utf-16le", bytes.subarray(2), source);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode("utf-16be", bytes.subarray(2), source);
  else {
    if (bytes.subarray(0, 8192).includes(0)) throw new IngestError(source, "the file is binary, not text (it contains NUL bytes)");
    text = decode("utf-8", bytes, source);
  }
  text = text.replace(/^\uFEFF/, "");
  if (/[\u0000]/.test(text)) throw new IngestError(source, "the file is binary, not text (it contains NUL characters)");
  if (!text.trim()) throw new IngestError(source, "the file holds only whitespace");
  return text;
}

function decode(encoding: string, bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(source, `the file is not valid ${encoding.toUpperCase()} text`);
  }
}
