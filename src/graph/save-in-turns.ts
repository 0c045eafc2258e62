/**
 * saveGraph for a thread that answers requests meanwhile (the server after an
 * ingest): the same two files, byte for byte, but graph.json's text is made in
 * slices of a few milliseconds with the event loop free between them, and the
 * snapshot is encoded from the written bytes on another thread
 * (./snapshot-worker). At 10,000 articles one JSON.stringify of the graph and
 * one encoding held the event loop for about 0.5 s each.
 */
import type { ParleyGraph } from "./persist.ts";
import { writeFileAtomic } from "./persist.ts";
import { runInTurns } from "./in-turns.ts";
import { markSnapshotChecked, removeSnapshot, snapshotFileOf } from "./snapshot/index.ts";
import type { SnapshotEncoder } from "./snapshot-worker/index.ts";

/** Longest slice of work between two turns of the event loop. */
const BUDGET_MS = 8;
/** Records per JSON.stringify call, and text kept as a string before it becomes bytes. */
const RECORDS = 64;
const TEXT_CHARS = 1 << 20;

const kept = (v: unknown) => v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/**
 * `JSON.stringify(data, null, 1) + "\n"` as UTF-8 chunks (of about 1 MiB, one
 * copy of the whole never made on this thread), in steps: the top-level
 * arrays (a graph's nodes and edges) are written a few records at a time.
 * Each piece is JSON.stringify's own text of a one-field object, so it comes
 * indented as the whole-object call indents it. `data` is plain JSON data
 * (graphology's export); a step ends once `budgetMs` have passed in it.
 */
export function* graphJsonInSteps(data: Record<string, unknown>, budgetMs = BUDGET_MS): Generator<void, Buffer[]> {
  const parts: Buffer[] = [];
  let text = "";
  let since = performance.now();
  const fields = Object.keys(data).filter((k) => kept(data[k]));
  text += fields.length ? "{\n" : "{}";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = data[field];
    if (Array.isArray(value) && value.length) {
      // `{\n "field": [\n  {…},\n  {…}\n ]\n}`: the records between the brackets, joined by ",\n".
      const head = `{\n ${JSON.stringify(field)}: [\n`;
      text += head.slice(2);
      for (let at = 0; at < value.length; at += RECORDS) {
        const piece = JSON.stringify({ [field]: value.slice(at, at + RECORDS) }, null, 1);
        text += piece.slice(head.length, -5) + (at + RECORDS < value.length ? ",\n" : "\n ]");
        if (text.length >= TEXT_CHARS) (parts.push(Buffer.from(text, "utf8")), (text = ""));
        if (performance.now() - since >= budgetMs) {
          yield;
          since = performance.now();
        }
      }
    } else {
      text += JSON.stringify({ [field]: value }, null, 1).slice(2, -2);
    }
    text += i < fields.length - 1 ? ",\n" : "\n}";
  }
  parts.push(Buffer.from(`${text}\n`, "utf8"));
  return parts;
}

/** Writes graph.json, then its snapshot, as saveGraph does; a snapshot that cannot be made or written is removed. */
export async function saveGraphInTurns(graph: ParleyGraph, file: string, encoder: SnapshotEncoder): Promise<void> {
  const json = await runInTurns(graphJsonInSteps(graph.export() as unknown as Record<string, unknown>));
  await writeFileAtomic(file, json);
  // graph.json is written and whole: the snapshot is a cache of it, so any failure from here on only drops the cache.
  const snapshot = await encoder.encode(json).catch(() => null);
  if (!snapshot) return removeSnapshot(file);
  await writeFileAtomic(snapshotFileOf(file), snapshot).then(
    () => markSnapshotChecked(file),
    () => removeSnapshot(file),
  );
}
