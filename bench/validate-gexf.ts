/**
 * Checks a GEXF file against the GEXF 1.3 XSD (the copy under tests/fixtures)
 * with xmllint in streaming mode, so a 1M-edge file validates in bounded memory.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const XSD = fileURLToPath(new URL("../tests/fixtures/gexf-1.3/gexf.xsd", import.meta.url));

export function validateGexf(file: string): { valid: boolean | null; message: string } {
  const run = spawnSync("xmllint", ["--noout", "--stream", "--schema", XSD, file], { encoding: "utf8", maxBuffer: 16 * 2 ** 20 });
  if (run.error) return { valid: null, message: `xmllint not available: ${run.error.message}` };
  const message = run.stderr.trim().split("\n").slice(-3).join(" | ");
  return { valid: run.status === 0, message };
}
