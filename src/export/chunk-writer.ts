/**
 * Buffered, back-pressure-aware writing to a Node Writable. Export writers push
 * many small pieces; this batches them into chunks of ~64 KiB and waits for
 * 'drain' when the stream asks, so a 100k-node export never sits in memory as one
 * string. A stream that closes or fails mid-export rejects instead of hanging.
 */
import type { Writable } from "node:stream";

const CHUNK_SIZE = 64 * 1024;

export class ExportStreamError extends Error {
  override name = "ExportStreamError";
}

export interface ChunkWriter {
  /**
   * Queues text. Returns a promise only when a full chunk went out (await it:
   * it waits for 'drain' if the stream asks); otherwise undefined, so a hot loop
   * can skip the await (`const p = out.write(s); if (p) await p;`).
   */
  write(text: string): Promise<void> | void;
  /** Flushes what is buffered (does not end the stream). */
  flush(): Promise<void>;
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", onError);
    };
    const onDrain = () => (cleanup(), resolve());
    const onClose = () => (cleanup(), reject(new ExportStreamError("export: the output stream closed before the export finished")));
    const onError = (err: Error) => (cleanup(), reject(err));
    out.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", onError);
  });
}

export function createChunkWriter(out: Writable, chunkSize = CHUNK_SIZE): ChunkWriter {
  if (!out || typeof out.write !== "function") throw new TypeError("export/chunk-writer: expecting a Writable stream.");
  // One growing string (V8 concatenates into a rope, flattened once per chunk)
  // costs less than an array of pieces joined per chunk.
  let pending = "";

  async function push(): Promise<void> {
    if (out.destroyed || out.writableEnded) throw new ExportStreamError("export: the output stream closed before the export finished");
    const chunk = pending;
    pending = "";
    if (!out.write(chunk)) await waitForDrain(out);
  }

  return {
    write(text) {
      pending += text;
      if (pending.length >= chunkSize) return push();
    },
    async flush() {
      if (pending.length > 0) await push();
    },
  };
}
