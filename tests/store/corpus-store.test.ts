/** The corpus store on a real SQLite file: atomic commits with their journal, duplicates, the extraction cache, and clear refusals of damaged files. */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CorpusStore, StoreError, contentHashOf } from "../../src/store/index.ts";
import type { Article } from "../../src/types.ts";

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
  dirs.push(dir);
  return join(dir, "parley.db");
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const article = (id: string, text: string, url: string | null = null): Article => ({ id, title: id, outlet: null, published: null, url, file: `${id}.txt`, credits: [], text, sentences: [{ index: 0, text, start: 0 }] });
const extraction = (n: number) => ({ mentions: [], relations: [{ n }] }) as never;
const put = (a: Article, withExtraction = true) => ({ article: a, sourceHash: `src-${a.id}`, contentHash: contentHashOf(a), urlKey: a.url, extraction: withExtraction ? extraction(1) : undefined });

describe("CorpusStore", () => {
  it("commits articles with their extractions and journal, and keeps them across a reopen", () => {
    const file = tempFile();
    const store = CorpusStore.open(file);
    const a = article("a", "Alpha met Beta.");
    const b = article("b", "Gamma met Delta.");
    expect(store.commit({ put: [put(a), put(b)] }, "v1")).toBe(2);
    store.close();
    const again = CorpusStore.open(file);
    expect(again.articleRows().map((r) => r.id)).toEqual(["a", "b"]);
    expect(again.article("a")).toEqual(a);
    expect(again.articles()).toEqual([a, b]);
    expect([...again.extractions("v1").keys()].sort()).toEqual([contentHashOf(a), contentHashOf(b)].sort());
    expect(again.extractions("v2").size).toBe(0);
    expect(again.journalSince(0).map((j) => [j.op, j.articleId])).toEqual([["add", "a"], ["add", "b"]]);
    expect(again.quickCheck()).toBe("ok");
    again.close();
  });

  it("journals a change of content as an update, an unchanged re-put as nothing, and a removal", () => {
    const store = CorpusStore.open(tempFile());
    store.commit({ put: [put(article("a", "One."))] }, "v1");
    store.commit({ put: [put(article("a", "One."))] }, "v1");
    store.commit({ put: [put(article("a", "Two."))] }, "v1");
    store.commit({ remove: ["a", "never-stored"] }, "v1");
    expect(store.journalSince(0).map((j) => j.op)).toEqual(["add", "update", "remove"]);
    expect(store.articleRows()).toEqual([]);
    store.close();
  });

  it("finds a repeat by id, by text and by address", () => {
    const store = CorpusStore.open(tempFile());
    const a = article("a", "Alpha met Beta.", "https://example.org/a");
    store.commit({ put: [put(a)] }, "v1");
    expect(store.findDuplicate({ id: "a", text: "x" })).toEqual({ id: "a", by: "id" });
    expect(store.findDuplicate({ id: "z", text: "Alpha met Beta." })).toEqual({ id: "a", by: "text" });
    expect(store.findDuplicate({ id: "z", text: "x", urlKey: "https://example.org/a" })).toEqual({ id: "a", by: "url" });
    expect(store.findDuplicate({ id: "z", text: "x", urlKey: "https://example.org/other" })).toBeNull();
    store.close();
  });

  it("prunes extractions of other versions and of articles no longer stored", () => {
    const store = CorpusStore.open(tempFile());
    const a = article("a", "Alpha.");
    const b = article("b", "Beta.");
    store.commit({ put: [put(a), put(b)] }, "v1");
    store.commit({ extractions: [{ contentHash: contentHashOf(a), extraction: extraction(2) }] }, "v2");
    store.commit({ remove: ["b"] }, "v2");
    expect(store.pruneExtractions("v2")).toBe(2);
    expect([...store.extractions("v2").keys()]).toEqual([contentHashOf(a)]);
    store.close();
  });

  it("rolls a failed commit back whole", () => {
    const store = CorpusStore.open(tempFile());
    const a = article("a", "Alpha.");
    // Two articles claiming one file break the UNIQUE constraint on the second insert.
    const clash = { ...article("b", "Beta."), file: "a.txt" };
    expect(() => store.commit({ put: [put(a), put(clash)] }, "v1")).toThrow(/UNIQUE/);
    expect(store.articleRows()).toEqual([]);
    expect(store.journalSeq()).toBe(0);
    expect(store.extractions("v1").size).toBe(0);
    store.close();
  });

  it("records the journal position of each snapshot file", () => {
    const store = CorpusStore.open(tempFile());
    expect(store.snapshotSeq("/x/graph.json")).toBe(0);
    store.setSnapshotSeq("/x/graph.json", 7);
    expect(store.snapshotSeq("/x/graph.json")).toBe(7);
    expect(store.snapshotSeq("/y/graph.json")).toBe(0);
    store.close();
  });

  it("refuses a file that is not a store, naming it and what to do", () => {
    const file = tempFile();
    writeFileSync(file, "this is not a database, only text that happens to be long enough to look like a page ".repeat(50));
    expect(() => CorpusStore.open(file)).toThrow(StoreError);
    expect(() => CorpusStore.open(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*parley build`));
  });

  it("refuses a store written by a newer Parley", () => {
    const file = tempFile();
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => CorpusStore.open(file)).toThrow(/newer Parley/);
  });

  it("keeps the curation log in order across a reopen, and migrates a layout-2 store to hold one", () => {
    const file = tempFile();
    const store = CorpusStore.open(file);
    const first = store.addEdit({ at: "2026-12-01T00:00:00.000Z", author: "a", reason: "typo", params: { op: "merge", from: "White Home", into: "White House" }, against: { seq: 0, nodes: { from: "white-home", into: "white-house" } } });
    const second = store.addEdit({ at: "2026-12-01T00:01:00.000Z", author: "b", reason: "", params: { op: "undo", target: first.id }, against: { seq: 0, nodes: {} } });
    store.close();
    const again = CorpusStore.open(file);
    expect(again.edits()).toEqual([first, second]);
    expect(again.lastEditId()).toBe(second.id);
    again.close();

    const old = tempFile();
    const db = new Database(old);
    db.exec("CREATE TABLE articles (id TEXT PRIMARY KEY, file TEXT NOT NULL UNIQUE, source_hash TEXT NOT NULL, content_hash TEXT NOT NULL, text_hash TEXT NOT NULL, url_key TEXT, file_stamp TEXT, article TEXT NOT NULL, added_at TEXT NOT NULL) STRICT");
    db.pragma("user_version = 2");
    db.close();
    const migrated = CorpusStore.open(old);
    expect(migrated.edits()).toEqual([]);
    expect(migrated.addEdit(first).id).toBe(1);
    migrated.close();
    const check = new Database(old);
    expect(check.pragma("user_version", { simple: true })).toBe(3);
    check.close();
  });
});
