/**
 * Writes an export to a file (or stdout) through a stream. A file is written
 * next to its target under a temporary name and renamed when complete, so a
 * failed export never leaves a truncated file behind.
 */
import { createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { ParleyGraph } from "../graph/persist.ts";
import { getExportFormat, type ExportOptions } from "./formats.ts";

export async function exportToFile(graph: ParleyGraph, formatId: string, file: string, options: ExportOptions = {}): Promise<void> {
  const format = getExportFormat(formatId);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp);
  try {
    await format.write(graph, stream, options);
    stream.end();
    await finished(stream);
    await rename(tmp, file);
  } catch (err) {
    stream.destroy();
    await unlink(tmp).catch(() => {});
    throw err;
  }
}
