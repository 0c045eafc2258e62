/** Test helpers: render an export to a string, and validate XML with xmllint. */
import { PassThrough } from "node:stream";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { getExportFormat, type ExportOptions } from "../../src/export/index.ts";
import type { ParleyGraph } from "../../src/graph/persist.ts";

export const GEXF_XSD = fileURLToPath(new URL("../fixtures/gexf-1.3/gexf.xsd", import.meta.url));

export async function render(graph: ParleyGraph, format: string, options: ExportOptions = {}): Promise<{ text: string; chunks: number }> {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on("data", (c: Buffer) => parts.push(c));
  await getExportFormat(format).write(graph, stream, options);
  stream.end();
  return { text: Buffer.concat(parts).toString("utf8"), chunks: parts.length };
}

export function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** Runs xmllint on a document given on stdin; returns {ok, output}. */
export function xmllint(xml: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync("xmllint", ["--noout", ...args, "-"], { input: xml, encoding: "utf8", maxBuffer: 1 << 28 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export { execFileSync };
