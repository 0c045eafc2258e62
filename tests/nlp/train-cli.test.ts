/** `parley train` on a folder without the treebanks: a clear error naming the file, and no model written. */
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/parley.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "parley-train-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parley train", () => {
  it("names the missing treebank file and writes nothing", () => {
    const out = join(dir, "models");
    const r = spawnSync(process.execPath, [BIN, "train", "--data", join(dir, "no-treebanks"), "--out", out], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-treebanks\/ud-english-ewt\/en_ewt-ud-train\.conllu is missing: pass the folder that holds ud-english-ewt\//);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
