/**
 * `parley build` as a user runs it: a new article about people no lexicon knows
 * yields them as nodes; bad input names the file and leaves the previous graph
 * untouched.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "./helpers.ts";

const run = promisify(execFile);
const parley = (...args: string[]) => run(process.execPath, [resolve(ROOT, "bin/parley.mjs"), ...args], { cwd: ROOT });

const NEW_ARTICLE = `Sudan rivals resume talks in Jeddah

Special envoy Tom Perriello met army chief Abdel Fattah al-Burhan in Port Sudan on Monday.
The Rapid Support Forces rejected the 7-point humanitarian truce proposal, according to the African Union.
Egyptian mediator Hossam Zaki said Cairo backed the humanitarian truce.

Subscribe Us
Leave A Reply`;

describe("parley build", () => {
  it("builds a graph from articles about people the lexicon has never heard of", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-build-"));
    writeFileSync(join(dir, "sudan.txt"), NEW_ARTICLE);
    const out = join(dir, "graph.json");
    await parley("build", "--articles", dir, "--out", out);
    const g = JSON.parse(readFileSync(out, "utf8"));
    const labels = g.nodes.map((n: { attributes: { label: string } }) => n.attributes.label);
    expect(labels).toEqual(expect.arrayContaining(["Tom Perriello", "Rapid Support Forces", "Hossam Zaki"]));
    expect(labels.join("|")).not.toMatch(/Subscribe|Leave A Reply/);
    const types = new Set(g.edges.map((e: { attributes: { type: string } }) => e.attributes.type));
    expect(types.has("rejected")).toBe(true);
  }, 60_000);

  it.each([
    ["empty.txt", "", /empty\.txt: the file is empty/],
    ["photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /photo\.txt: the file is binary/],
  ])("refuses %s with a clear error and keeps the previous graph", async (name, data, message) => {
    const dir = mkdtempSync(join(tmpdir(), "parley-bad-"));
    writeFileSync(join(dir, "good.txt"), "Russia rejected the 20-point plan.");
    writeFileSync(join(dir, name), data);
    const out = join(dir, "graph.json");
    writeFileSync(out, "PREVIOUS");
    const err = (await parley("build", "--articles", dir, "--out", out).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(message);
    expect(err.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readFileSync(out, "utf8")).toBe("PREVIOUS");
  }, 60_000);
});
