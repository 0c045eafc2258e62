/**
 * A response body read into memory up to maxBytes, refusing it as soon as the
 * Content-Length or the streamed bytes (after decompression, so a small gzip
 * bomb counts at its real size) pass the limit: the stream is destroyed there,
 * never buffered to the end.
 */
import { pipeline, type Readable, type Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { FetchError } from "./errors.ts";
import { formatBytes } from "../limits.ts";

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export interface BodyToRead {
  /** The URL that answered, for messages. */
  url: string;
  /** The URL the caller asked for. */
  requested: string;
  headers: Record<string, string | undefined>;
  body: Readable;
}

function tooLarge(res: BodyToRead, reason: string): FetchError {
  const at = res.url === res.requested ? "" : ` (at ${res.url}, reached by redirect)`;
  return new FetchError("too_large", res.requested, `${reason}${at}`);
}

export async function readBody(res: BodyToRead, maxBytes: number): Promise<Buffer> {
  const length = Number(res.headers["content-length"]);
  if (Number.isFinite(length) && length > maxBytes) {
    res.body.destroy();
    throw tooLarge(res, `the response is ${formatBytes(length)} (Content-Length), more than the ${formatBytes(maxBytes)} limit`);
  }
  const encoding = (res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder = encoding === "identity" || encoding === "" ? null : DECODERS[encoding];
  if (decoder === undefined) {
    res.body.destroy();
    throw new FetchError("unsupported_type", res.requested, `the response is compressed as "${encoding}", which is not supported (${res.url})`);
  }
  const source: AsyncIterable<Buffer> = decoder ? pipeline(res.body, decoder(), () => {}) : res.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    // Leaving the loop destroys the stream (and, through the pipeline, the socket's body).
    if (size > maxBytes) {
      res.body.destroy();
      throw tooLarge(res, `the response is larger than the ${formatBytes(maxBytes)} limit (reading stopped at ${formatBytes(size)})`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
