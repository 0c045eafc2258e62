/** `parley eval` as a user runs it: scores both gold sets; a wrong folder or set name is a clear error. */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resolve } from "node:path";
import { ROOT } from "./helpers.ts";

const run = promisify(execFile);
const parley = (...args: string[]) => run(process.execPath, [resolve(ROOT, "bin/parley.mjs"), ...args], { cwd: ROOT });

describe("parley eval", () => {
  it("scores the seeds and the wide set, as text and as JSON", async () => {
    const { stdout } = await parley("eval");
    expect(stdout).toMatch(/== seeds: 5 articles/);
    expect(stdout).toMatch(/== wide: 24 articles/);
    expect(stdout).toMatch(/relations lenient +P \d\.\d{3}/);
    const json = JSON.parse((await parley("eval", "--set", "wide", "--json")).stdout) as Array<{ name: string; score: { entities: { f1: number }; detail?: unknown } }>;
    expect(json.map((r) => r.name)).toEqual(["wide"]);
    expect(json[0]!.score.entities.f1).toBeGreaterThan(0.5);
    expect(json[0]!.score.detail).toBeUndefined();
  }, 60_000);

  it.each([
    [["--gold-dir", "/nonexistent"], /the yardstick \/nonexistent\/score\.mjs is missing/],
    [["--set", "nosuch"], /no gold set "nosuch"/],
  ])("refuses %j with a clear message", async (args, message) => {
    const err = await parley("eval", ...args).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(message);
    expect((err as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
