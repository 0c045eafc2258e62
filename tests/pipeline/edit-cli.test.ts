/**
 * `parley edit` as a user runs it, without a server: an edit is recorded and the
 * graph file rewritten with it; a name nothing is called or an edit that would
 * change nothing is refused with a clear message and records nothing; `edit
 * log` prints the log and `--json` a backup of it, which `edit import` restores
 * into a fresh store; undo brings the entity back.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "./helpers.ts";

describe("parley edit", () => {
  it("records, refuses, logs and undoes edits on the corpus store", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-edit-"));
    cpSync(join(ROOT, "graph-data/articles"), join(dir, "articles"), { recursive: true });
    const files = ["--graph", join(dir, "graph.json"), "--articles", join(dir, "articles")];
    const parley = (...args: string[]) => spawnSync(process.execPath, [resolve(ROOT, "bin/parley.mjs"), ...args, ...files], { cwd: ROOT, encoding: "utf8" });
    const labels = () => (JSON.parse(readFileSync(join(dir, "graph.json"), "utf8")).nodes as Array<{ attributes: { label: string } }>).map((n) => n.attributes.label);

    const merged = parley("edit", "merge", "White Home", "White House", "--reason", "typo", "--author", "tester");
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout.trim()).toBe("1");
    expect(merged.stderr).toContain('#1 merge "White Home" into "White House": applied');
    expect(labels()).not.toContain("White Home");

    const unknown = parley("edit", "rename", "Nobody Anyone Knows", "Somebody");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no node is called "Nobody Anyone Knows"');
    const badType = parley("edit", "retype", "White House", "planet");
    expect(badType.status).toBe(1);
    expect(badType.stderr).toMatch(/type: must be one of actor, organization, proposal, location/);
    const twice = parley("edit", "undo", "99");
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain("not recorded: there is no edit #99");

    const json = parley("edit", "log", "--json");
    const entries = json.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 1, author: "tester", reason: "typo", status: "applied", params: { op: "merge", from: "White Home", into: "White House" } });

    expect(parley("edit", "undo", "1").status).toBe(0);
    expect(labels()).toContain("White Home");
    const text = parley("edit", "log");
    expect(text.stdout).toMatch(/#2 .* applied\n {4}undo edit #1/);
    expect(text.stdout).toMatch(/#1 .* undone\n {4}merge "White Home" into "White House"\n {4}reason: typo/);

    // A backup restored into a fresh store (the articles folder copied, the store lost) gives the same log and graph.
    writeFileSync(join(dir, "backup.jsonl"), parley("edit", "log", "--json").stdout);
    const fresh = mkdtempSync(join(tmpdir(), "parley-edit-restore-"));
    cpSync(join(dir, "articles"), join(fresh, "articles"), { recursive: true });
    const restore = (...args: string[]) => spawnSync(process.execPath, [resolve(ROOT, "bin/parley.mjs"), ...args, "--graph", join(fresh, "graph.json"), "--articles", join(fresh, "articles")], { cwd: ROOT, encoding: "utf8" });
    const imported = restore("edit", "import", join(dir, "backup.jsonl"));
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain("imported 2 edit(s) (0 already in the store)");
    expect(restore("edit", "log").stdout).toBe(text.stdout);
    expect(readFileSync(join(fresh, "graph.json"), "utf8")).toBe(readFileSync(join(dir, "graph.json"), "utf8"));
    expect(restore("edit", "import", join(dir, "backup.jsonl")).stderr).toContain("imported 0 edit(s) (2 already in the store)");
    writeFileSync(join(dir, "bad.jsonl"), '{"id": 1, "at": "x", "author": "a", "reason": "", "params": {"op": "explode"}}\n');
    const bad = restore("edit", "import", join(dir, "bad.jsonl"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.jsonl:1: op:/);
  }, 180_000);
});
