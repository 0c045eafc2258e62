/** `parley parse` as a user (or an outside scorer) runs it: a real process, real files. */
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseConllu } from "../../src/nlp/conllu.ts";

const BIN = fileURLToPath(new URL("../../bin/parley.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "parley-parse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parley = (...args: string[]) => spawnSync(process.execPath, [BIN, "parse", ...args], { encoding: "utf8" });

describe("parley parse", () => {
  it("prints raw text as CoNLL-U: one tree per sentence, names in MISC", () => {
    const r = parley("Vladimir Putin met Donald Trump in Alaska. The talks ended without a deal.");
    expect(r.status).toBe(0);
    const sentences = parseConllu(r.stdout, "stdout", { requireTree: true });
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(s.words.filter((w) => w.head === 0)).toHaveLength(1);
    const first = sentences[0]!.words;
    expect(first.map((w) => w.form)).toEqual(["Vladimir", "Putin", "met", "Donald", "Trump", "in", "Alaska", "."]);
    expect(first[0]!.misc).toContain("Name=B-person");
    expect(first[7]!.misc).toBe("_");
    expect(first[6]!.misc).toContain("SpaceAfter=No");
  });

  it("fills the columns of tokenized CoNLL-U and keeps every other line", () => {
    const input = ["# sent_id = a", "# text = They didn't sign.", "1\tThey\t_\t_\t_\t_\t_\t_\t_\t_", "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_", "2\tdid\tdo\t_\t_\t_\t_\t_\t_\t_", "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_", "4\tsign\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No", "5\t.\t_\t_\t_\t_\t_\t_\t_\t_", ""].join("\n");
    const file = join(dir, "in.conllu");
    writeFileSync(file, input);
    const r = parley("--input", "conllu", "--file", file);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["# sent_id = a", "# text = They didn't sign."]);
    expect(lines[3]).toBe("2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_");
    const [s] = parseConllu(r.stdout, "out", { requireTree: true });
    expect(s!.words.map((w) => w.form)).toEqual(["They", "did", "n't", "sign", "."]);
    expect(s!.words[1]!.lemma).toBe("do");
    expect(s!.words[4]!.misc).toBe("_");
    expect(s!.words.map((w) => w.upos)).toEqual(["PRON", "AUX", "PART", "VERB", "PUNCT"]);
    expect(s!.words[0]!.deprel).toBe("nsubj");
  });

  it.each([
    [[], /give the text to parse/],
    [["--input", "xml", "x"], /--input must be text or conllu, got "xml"/],
    [["--file", "/nonexistent/x.txt"], /cannot read \/nonexistent\/x\.txt: ENOENT/],
  ])("refuses %j with a clear message", (args, message) => {
    const r = parley(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("names the line of malformed CoNLL-U and a missing model file", () => {
    const bad = join(dir, "bad.conllu");
    writeFileSync(bad, "1\tA\t_\n");
    const r = parley("--input", "conllu", "--file", bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1: expected 10 tab-separated columns, found 3`);
    const m = parley("--models", dir, "Hello.");
    expect(m.status).toBe(1);
    expect(m.stderr).toMatch(/tagger\.bin: is missing\. Run `npm run train`/);
  });
});
