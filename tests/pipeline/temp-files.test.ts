/**
 * Crash leftovers: a writer killed mid-write leaves its temp file behind. The
 * next atomic write in that folder removes temp files whose process is gone,
 * and leaves alone those of live processes and every other file.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeStaleTempFiles, writeFileAtomic } from "../../src/graph/persist.ts";
import { deadPid } from "../hardening/data-dir.ts";

/** The pid of a process that has already exited. */
describe("stale temp files", () => {
  it("are removed by the next atomic write; live writers' and other files stay", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-temps-"));
    const dead = `.graph.json.${deadPid()}.0badc0de.tmp`;
    const deadArticle = `.005_x.md.${deadPid()}.12345678.tmp`;
    const live = `.graph.json.${process.ppid}.abcdef01.tmp`;
    const others = [".hidden", "notes.tmp", ".graph.json.backup"];
    for (const n of [dead, deadArticle, live, ...others]) writeFileSync(join(dir, n), "partial");
    await writeFileAtomic(join(dir, "graph.json"), "{}");
    expect(readdirSync(dir).sort()).toEqual([live, ...others, "graph.json"].sort());
    expect(readFileSync(join(dir, "graph.json"), "utf8")).toBe("{}");
    rmSync(dir, { recursive: true });
  });

  it("reports what it removed, and a missing folder is no error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-temps-"));
    const dead = `.graph.json.${deadPid()}.0badc0de.tmp`;
    writeFileSync(join(dir, dead), "");
    expect(await removeStaleTempFiles(dir)).toEqual([dead]);
    expect(await removeStaleTempFiles(join(dir, "missing"))).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
