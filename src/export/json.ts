/**
 * JSON export in graphology's own serialization format (what `graph.export()`
 * returns and `graph.import()` reads, the same shape as graph-data/graph.json),
 * written one node and one edge at a time instead of as one giant string.
 */
import type { Writable } from "node:stream";
import type { ParleyGraph } from "../graph/persist.ts";
import { createChunkWriter } from "./chunk-writer.ts";
import type { ExportOptions } from "./formats.ts";

export async function writeJson(graph: ParleyGraph, stream: Writable, _options: ExportOptions = {}): Promise<void> {
  const out = createChunkWriter(stream);
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  await out.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    await out.write((first ? "\n" : ",\n") + JSON.stringify({ key: node, attributes }));
    first = false;
  }
  await out.write('\n],"edges":[');
  first = true;
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const entry = undirected ? { key: edge, source, target, attributes, undirected: true } : { key: edge, source, target, attributes };
    await out.write((first ? "\n" : ",\n") + JSON.stringify(entry));
    first = false;
  }
  await out.write("\n]}\n");
  await out.flush();
}
