/**
 * The folder into the store: an untouched file is taken from the store unread
 * (its stamp matches), a touched but unchanged one is not a change, an edit of
 * the same size is seen, a manifest change is seen, a removed file leaves.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syncFolder } from "../../src/pipeline/index.ts";
import { CorpusStore } from "../../src/store/index.ts";
import { rules } from "./helpers.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder() {
  const dir = mkdtempSync(join(tmpdir(), "parley-sync-"));
  dirs.push(dir);
  const articles = join(dir, "articles");
  mkdirSync(articles);
  writeFileSync(join(articles, "a.txt"), "Russia rejected the plan.");
  writeFileSync(join(articles, "b.txt"), "Ukraine backed the plan.");
  return { articles, store: CorpusStore.open(join(dir, "parley.db")) };
}

describe("syncFolder", () => {
  it("sees exactly what changed, and nothing when nothing did", async () => {
    const { articles, store } = folder();
    const first = await syncFolder(store, articles, rules.ingest, "v");
    expect([first.added, first.updated, first.removed]).toEqual([["a", "b"], [], []]);
    const again = await syncFolder(store, articles, rules.ingest, "v");
    expect([again.added, again.updated, again.removed, again.seq]).toEqual([[], [], [], first.seq]);

    // Touched, same bytes: not a change.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(articles, "a.txt"), later, later);
    const touched = await syncFolder(store, articles, rules.ingest, "v");
    expect([touched.updated, touched.seq]).toEqual([[], first.seq]);

    // Same size, other words: the rewrite moves the modification time (to the nanosecond), so it is read again.
    writeFileSync(join(articles, "b.txt"), "Ukraine hailed the plan.");
    const edited = await syncFolder(store, articles, rules.ingest, "v");
    expect(edited.updated).toEqual(["b"]);
    expect(edited.articles.find((a) => a.id === "b")!.text).toBe("Ukraine hailed the plan.");

    writeFileSync(join(articles, "manifest.json"), JSON.stringify([{ file: "a.txt", title: "Moscow says no" }]));
    const retitled = await syncFolder(store, articles, rules.ingest, "v");
    expect(retitled.updated).toEqual(["a"]);
    expect(retitled.articles.find((a) => a.id === "a")!.title).toBe("Moscow says no");

    rmSync(join(articles, "b.txt"));
    const removed = await syncFolder(store, articles, rules.ingest, "v");
    expect(removed.removed).toEqual(["b"]);
    expect(store.journalSince(0).map((j) => `${j.op} ${j.articleId}`)).toEqual(["add a", "add b", "update b", "update a", "remove b"]);
    store.close();
  });
});
