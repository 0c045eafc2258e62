/**
 * The snapshot's encoding off the event loop: a worker thread, started on
 * first use, that turns graph.json's bytes into graph.bin's (./encode-json.ts).
 * At 10,000 articles parsing and encoding take half a second that the server's
 * main thread spends answering requests instead.
 */
import { encodeSnapshotOfJson } from "./encode-json.ts";
import { workerCalls } from "../worker-calls.ts";

export interface SnapshotEncoder {
  /** The snapshot of these graph.json bytes, whole or in chunks (handed over: the caller must not use them after), or null when the graph takes none. */
  encode(json: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export function createSnapshotEncoder(): SnapshotEncoder {
  const calls = workerCalls(new URL("./boot.mjs", import.meta.url), "snapshot");
  return {
    async encode(json) {
      // A chunk with a buffer of its own is handed over as it is; a view into a shared or pooled one is copied.
      const chunks = Array.isArray(json) ? (json as Uint8Array[]) : [json as Uint8Array];
      const own = chunks.filter((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength && !(c.buffer instanceof SharedArrayBuffer));
      const transfer = [...new Set(own.map((c) => c.buffer as ArrayBuffer))];
      const answer = await calls.call({ json: chunks }, transfer);
      return (answer.snapshot as Uint8Array | null | undefined) ?? null;
    },
    close: () => calls.close(),
  };
}

/** The same on the calling thread (tests, tiny graphs). */
export function inProcessSnapshotEncoder(): SnapshotEncoder {
  return { encode: async (json) => encodeSnapshotOfJson(json), close: async () => {} };
}
