/**
 * The explorer's curation state, without a browser:
 * - state/selection-successor.ts: where the selection goes when an edit takes the
 *   selected entity away (merge → target, rename → new key, undone rename or
 *   split → the entity it came from, delete → overview, unrelated → no opinion),
 *   and when an undo points at an edit the page has not seen;
 * - graph/sync-graph.ts: a fresh /api/graph answer synced into the same graph
 *   instance (survivors keep their position, new nodes come, gone ones go,
 *   attributes and re-ended edges are updated);
 * - state/relations.ts: evidenceCounts / evidenceSummary (distinct sentences and
 *   articles behind a relation);
 * - state/write-access.ts: the tab's write key and author in sessionStorage
 *   (an in-memory one is installed when the environment has none, as Node has not).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditOp, EditRecord } from "../../web/src/api.ts";
import type { ExplorerGraph } from "../../web/src/graph/filters.ts";
import { syncGraph, type GraphData } from "../../web/src/graph/sync-graph.ts";
import { evidenceCounts, evidenceSummary } from "../../web/src/state/relations.ts";
import { selectionSuccessor, undoesUnknownEdit, type Gone } from "../../web/src/state/selection-successor.ts";
import { AUTHOR_ITEM, WRITE_KEY_ITEM, writeAccess } from "../../web/src/state/write-access.ts";
import { edge, node, sampleGraph } from "./fixture.ts";

/** An edit as the log reports it; `nodes` are the node keys of its roles when it was made. */
function record(id: number, op: EditOp, params: Record<string, unknown>, nodes: Record<string, string> = {}): EditRecord {
  return { id, op, at: "2025-03-15T10:00:00Z", author: "test", reason: "", params: { op, ...params }, against: { seq: id, nodes }, status: "applied", problem: null, summary: `${op} #${id}` };
}

/** The sample graph after an edit replaced one entity by another (node keys follow labels). */
function replaced(graph: ExplorerGraph, gone: string, key: string, label: string): ExplorerGraph {
  const attrs = graph.getNodeAttributes(gone);
  graph.dropNode(gone);
  graph.addNode(key, { ...attrs, label });
  return graph;
}

describe("selection successor", () => {
  const rubio: Gone = { key: "marco-rubio", label: "Marco Rubio" };

  it("follows a merge to the entity it went into", () => {
    const g = sampleGraph();
    const gone: Gone = { key: "m-rubio", label: "M. Rubio" };
    const merge = record(1, "merge", { from: "M. Rubio", into: "Marco Rubio" }, { from: "m-rubio", into: "marco-rubio" });
    expect(selectionSuccessor(g, gone, [merge])).toBe("marco-rubio");
  });

  it("finds the merge target by its label when its recorded key is no longer in the graph", () => {
    const g = sampleGraph();
    const merge = record(1, "merge", { from: "M. Rubio", into: "Marco Rubio" }, { from: "m-rubio", into: "marco-rubio-old" });
    expect(selectionSuccessor(g, { key: "m-rubio", label: "M. Rubio" }, [merge])).toBe("marco-rubio");
  });

  it("has no opinion on a merge in which the selection was the target", () => {
    const g = sampleGraph();
    g.dropNode("marco-rubio");
    const merge = record(1, "merge", { from: "M. Rubio", into: "Marco Rubio" }, { from: "m-rubio", into: "marco-rubio" });
    expect(selectionSuccessor(g, rubio, [merge])).toBeUndefined();
  });

  it("follows a rename to the entity with the new label", () => {
    const g = replaced(sampleGraph(), "marco-rubio", "marco-a-rubio", "Marco A. Rubio");
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    expect(selectionSuccessor(g, rubio, [rename])).toBe("marco-a-rubio");
  });

  it("has no opinion on a rename whose new entity is not in the graph yet (the event came before the reload)", () => {
    const g = sampleGraph();
    g.dropNode("marco-rubio");
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    expect(selectionSuccessor(g, rubio, [rename])).toBeUndefined();
  });

  it("follows an undone rename back to the old entity", () => {
    const g = sampleGraph(); // the undo brought "marco-rubio" back
    const renamed: Gone = { key: "marco-a-rubio", label: "Marco A. Rubio" };
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    const undo = record(2, "undo", { target: 1 });
    expect(selectionSuccessor(g, renamed, [rename, undo])).toBe("marco-rubio");
  });

  it("finds the old entity of an undone rename by its label when its old key is not in the graph", () => {
    const g = replaced(sampleGraph(), "marco-rubio", "marco-rubio-actor", "Marco Rubio");
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    const undo = record(2, "undo", { target: 1 });
    expect(selectionSuccessor(g, { key: "marco-a-rubio", label: "Marco A. Rubio" }, [rename, undo])).toBe("marco-rubio-actor");
  });

  it("ignores an undone rename when the selection's label then is unknown", () => {
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    const undo = record(2, "undo", { target: 1 });
    expect(selectionSuccessor(sampleGraph(), { key: "marco-a-rubio", label: null }, [rename, undo])).toBeUndefined();
  });

  it("follows the renamed entity again when the undo of the rename is itself undone", () => {
    const g = replaced(sampleGraph(), "marco-rubio", "marco-a-rubio", "Marco A. Rubio");
    const edits = [
      record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" }),
      record(2, "undo", { target: 1 }),
      record(3, "undo", { target: 2 }),
    ];
    expect(selectionSuccessor(g, rubio, edits)).toBe("marco-a-rubio");
  });

  it("follows an undone split back to the entity the alias came from", () => {
    const g = sampleGraph();
    const split = record(1, "split", { entity: "Vladimir Putin", alias: "Putin" }, { entity: "vladimir-putin" });
    const undo = record(2, "undo", { target: 1 });
    expect(selectionSuccessor(g, { key: "putin", label: "Putin" }, [split, undo])).toBe("vladimir-putin");
  });

  it("sends the selection to the overview when the entity was deleted", () => {
    const g = sampleGraph();
    g.dropNode("kursk");
    const del = record(1, "delete-entity", { entity: "Kursk" }, { entity: "kursk" });
    expect(selectionSuccessor(g, { key: "kursk", label: "Kursk" }, [del])).toBeNull();
  });

  it("lets the newest edit that touched the entity decide, whatever order the edits come in", () => {
    // "Kursk" was merged away, came back from a new article, and was then deleted.
    const g = sampleGraph();
    g.dropNode("kursk");
    g.addNode("kursk-oblast", node("Kursk Oblast", "location"));
    const merge = record(1, "merge", { from: "Kursk", into: "Kursk Oblast" }, { from: "kursk", into: "kursk-oblast" });
    const del = record(5, "delete-entity", { entity: "Kursk" }, { entity: "kursk" });
    const gone: Gone = { key: "kursk", label: "Kursk" };
    expect(selectionSuccessor(g, gone, [del, merge])).toBeNull();
    expect(selectionSuccessor(g, gone, [merge, del])).toBeNull();
    expect(selectionSuccessor(g, gone, [merge])).toBe("kursk-oblast");
  });

  const unrelated: [string, EditRecord[]][] = [
    ["no edits", []],
    ["an edit of another entity", [record(1, "delete-entity", { entity: "Loner" }, { entity: "loner" })]],
    ["a relation edit that names it", [record(1, "delete-edge", { source: "Kursk", type: "visited", target: "Loner" }, { source: "kursk", target: "loner" })]],
    ["a retype of it", [record(1, "retype", { entity: "Kursk", type: "organization" }, { entity: "kursk" })]],
    ["an undo of an edit of another entity", [record(1, "retype", { entity: "Loner", type: "actor" }, { entity: "loner" }), record(2, "undo", { target: 1 })]],
  ];
  it.each(unrelated)("has no opinion after %s", (_name, edits) => {
    expect(selectionSuccessor(sampleGraph(), { key: "kursk", label: "Kursk" }, edits)).toBeUndefined();
  });

  it("tells when an undo points at an edit the list does not include", () => {
    const rename = record(1, "rename", { entity: "Marco Rubio", label: "Marco A. Rubio" }, { entity: "marco-rubio" });
    expect(undoesUnknownEdit([record(7, "undo", { target: 3 })])).toBe(true);
    expect(undoesUnknownEdit([rename, record(2, "undo", { target: 1 })])).toBe(false);
    expect(undoesUnknownEdit([rename])).toBe(false);
    expect(undoesUnknownEdit([])).toBe(false);
  });
});

describe("graph sync", () => {
  /** What /api/graph would answer: the graph's own export of the server's graph. */
  const answer = (edit: (g: ExplorerGraph) => void): GraphData => {
    const server = sampleGraph();
    edit(server);
    return server.export() as GraphData;
  };

  it("keeps the positions of surviving nodes and updates their other attributes", () => {
    const g = sampleGraph();
    g.setNodeAttribute("marco-rubio", "x", 42);
    g.setNodeAttribute("marco-rubio", "y", -7);
    const data = answer((s) => {
      s.mergeNodeAttributes("marco-rubio", { x: 1000, y: 1000, mentions: 9, aliases: ["Rubio", "Sen. Rubio"] });
    });
    syncGraph(g, data);
    expect(g.getNodeAttributes("marco-rubio")).toMatchObject({ x: 42, y: -7, mentions: 9, aliases: ["Rubio", "Sen. Rubio"], label: "Marco Rubio" });
  });

  it("adds new nodes at the server's position and drops removed ones with their edges", () => {
    const g = sampleGraph();
    const data = answer((s) => {
      s.dropNode("kursk");
      s.addNode("jeddah", { ...node("Jeddah", "location"), x: 3, y: 4 });
      s.addEdgeWithKey("marco-rubio|visited|jeddah", "marco-rubio", "jeddah", edge("visited", "2025-03-11"));
    });
    syncGraph(g, data);
    expect(g.hasNode("kursk")).toBe(false);
    expect(g.hasEdge("vladimir-putin|visited|kursk")).toBe(false);
    expect(g.getNodeAttributes("jeddah")).toMatchObject({ label: "Jeddah", x: 3, y: 4 });
    expect(g.source("marco-rubio|visited|jeddah")).toBe("marco-rubio");
    expect(g.nodes().sort()).toEqual(data.nodes.map((n) => n.key).sort());
    expect(g.edges().sort()).toEqual(data.edges.map((e) => e.key).sort());
  });

  it("follows a merge in place: the edge moves to the new end, survivors are not dropped", () => {
    const g = sampleGraph();
    const dropped: string[] = [];
    g.on("nodeDropped", ({ key }) => dropped.push(`node ${key}`));
    g.on("edgeDropped", ({ key }) => dropped.push(`edge ${key}`));
    // "Andriy Yermak" merged into "Vladimir Putin": the edge keeps its key but not its source.
    const data = answer((s) => {
      const attrs = s.getEdgeAttributes("andriy-yermak|negotiated_with|marco-rubio");
      s.dropNode("andriy-yermak");
      s.addEdgeWithKey("andriy-yermak|negotiated_with|marco-rubio", "vladimir-putin", "marco-rubio", { ...attrs, weight: 2 });
    });
    syncGraph(g, data);
    expect(dropped.sort()).toEqual(["edge andriy-yermak|negotiated_with|marco-rubio", "node andriy-yermak"]);
    const moved = "andriy-yermak|negotiated_with|marco-rubio";
    expect([g.source(moved), g.target(moved), g.getEdgeAttribute(moved, "weight")]).toEqual(["vladimir-putin", "marco-rubio", 2]);
  });

  it("moves an edge whose ends changed even when both old ends remain", () => {
    const g = sampleGraph();
    const key = "marco-rubio|criticized|vladimir-putin";
    const data = answer((s) => {
      const attrs = s.getEdgeAttributes(key);
      s.dropEdge(key);
      s.addEdgeWithKey(key, "andriy-yermak", "vladimir-putin", attrs);
    });
    syncGraph(g, data);
    expect([g.source(key), g.target(key)]).toEqual(["andriy-yermak", "vladimir-putin"]);
    expect(g.hasNode("marco-rubio")).toBe(true);
  });

  it("updates the attributes of edges that stay", () => {
    const g = sampleGraph();
    const key = "marco-rubio|proposed|ceasefire";
    const data = answer((s) => s.mergeEdgeAttributes(key, { weight: 3, lastSeen: "2025-03-20" }));
    syncGraph(g, data);
    expect(g.getEdgeAttributes(key)).toMatchObject({ weight: 3, lastSeen: "2025-03-20", firstSeen: "2025-03-11" });
  });

  it("matches an edge sent without a key by source|type|target", () => {
    const g = sampleGraph();
    const data = answer((s) => s.setEdgeAttribute("vladimir-putin|visited|kursk", "weight", 5));
    for (const e of data.edges) delete e.key;
    syncGraph(g, data);
    expect(g.size).toBe(sampleGraph().size);
    expect(g.getEdgeAttribute("vladimir-putin|visited|kursk", "weight")).toBe(5);
  });

  it("replaces the graph attributes, and keeps them when the answer has none", () => {
    const g = sampleGraph();
    syncGraph(g, answer((s) => s.replaceAttributes({ name: "after", articles: [] })));
    expect(g.getAttributes()).toEqual({ name: "after", articles: [] });
    const { attributes: _none, ...bare } = answer(() => {});
    syncGraph(g, bare as GraphData);
    expect(g.getAttribute("name")).toBe("after");
  });
});

describe("evidence counts", () => {
  const ev = (article: string, sentenceIndex: number) => ({ article, sentenceIndex });
  const table: [string, { article: string; sentenceIndex: number }[], { sentences: number; articles: number }, string][] = [
    ["no evidence", [], { sentences: 0, articles: 0 }, "0 sentences · 0 articles"],
    ["one sentence", [ev("a1", 3)], { sentences: 1, articles: 1 }, "1 sentence · 1 article"],
    ["one sentence cited twice (two cues)", [ev("a1", 3), ev("a1", 3)], { sentences: 1, articles: 1 }, "1 sentence · 1 article"],
    ["two sentences of one article", [ev("a1", 3), ev("a1", 4)], { sentences: 2, articles: 1 }, "2 sentences · 1 article"],
    ["the same sentence index in two articles", [ev("a1", 3), ev("a2", 3)], { sentences: 2, articles: 2 }, "2 sentences · 2 articles"],
    ["three sentences, two articles", [ev("a1", 0), ev("a2", 5), ev("a1", 7), ev("a2", 5)], { sentences: 3, articles: 2 }, "3 sentences · 2 articles"],
    // A naive `${article}${index}` key would count these as one sentence.
    ["keys that would collide if joined", [ev("a1", 12), ev("a11", 2)], { sentences: 2, articles: 2 }, "2 sentences · 2 articles"],
  ];
  it.each(table)("counts %s", (_name, evidence, counts, summary) => {
    expect(evidenceCounts(evidence)).toEqual(counts);
    expect(evidenceSummary(evidence)).toBe(summary);
  });

  it("counts the fixture's full evidence records", () => {
    const a = edge("met_with", "2025-03-11");
    expect(evidenceCounts([...a.evidence, { ...a.evidence[0], quote: "other cue" }, { ...a.evidence[0], article: "a2" }])).toEqual({ sentences: 2, articles: 2 });
  });
});

describe("write access", () => {
  // Node has no sessionStorage; give it one the size of what is used.
  let installed = false;
  beforeAll(() => {
    if (typeof globalThis.sessionStorage !== "undefined") return;
    const m = new Map<string, string>();
    const memory = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, String(v)),
      removeItem: (k: string) => void m.delete(k),
      clear: () => m.clear(),
      key: (i: number) => [...m.keys()][i] ?? null,
      get length() {
        return m.size;
      },
    };
    Object.defineProperty(globalThis, "sessionStorage", { value: memory, configurable: true, writable: true });
    installed = true;
  });
  afterAll(() => {
    if (installed) delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
  });
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it("knows nothing in a fresh tab, and the default asker gives up", async () => {
    expect([writeAccess.key(), writeAccess.author()]).toEqual([null, null]);
    await expect(writeAccess.ask("why")).resolves.toBeNull();
  });

  it("remembers the key and the author in sessionStorage", () => {
    writeAccess.remember("s3cret", "Ana");
    expect([writeAccess.key(), writeAccess.author()]).toEqual(["s3cret", "Ana"]);
    expect([sessionStorage.getItem(WRITE_KEY_ITEM), sessionStorage.getItem(AUTHOR_ITEM)]).toEqual(["s3cret", "Ana"]);
  });

  it("trims the author's name", () => {
    writeAccess.remember("s3cret", "  Ana Ruiz \n");
    expect(writeAccess.author()).toBe("Ana Ruiz");
  });

  const blank: [string, string | null][] = [
    ["empty", ""],
    ["spaces", "   "],
    ["null", null],
  ];
  it.each(blank)("does not store a blank author (%s), and clears one stored before", (_name, author) => {
    writeAccess.remember("k1", "Ana");
    writeAccess.remember("k2", author);
    expect(writeAccess.author()).toBeNull();
    expect(sessionStorage.getItem(AUTHOR_ITEM)).toBeNull();
    expect(writeAccess.key()).toBe("k2");
  });

  it("forgets only the key: the author stays for the next prompt", () => {
    writeAccess.remember("s3cret", "Ana");
    writeAccess.forget();
    expect(writeAccess.key()).toBeNull();
    expect(sessionStorage.getItem(WRITE_KEY_ITEM)).toBeNull();
    expect(writeAccess.author()).toBe("Ana");
  });

  it("reads an empty stored value as nothing", () => {
    sessionStorage.setItem(WRITE_KEY_ITEM, "");
    expect(writeAccess.key()).toBeNull();
  });

  it("asks through the installed asker, passing why", async () => {
    const asked: (string | undefined)[] = [];
    writeAccess.setAsker(async (problem) => (asked.push(problem), "typed-key"));
    await expect(writeAccess.ask("The server refused that key")).resolves.toBe("typed-key");
    await expect(writeAccess.ask()).resolves.toBe("typed-key");
    expect(asked).toEqual(["The server refused that key", undefined]);
  });

  it("works without storage when sessionStorage throws (privacy modes)", () => {
    const refuse = () => {
      throw new DOMException("denied", "SecurityError");
    };
    vi.stubGlobal("sessionStorage", { getItem: refuse, setItem: refuse, removeItem: refuse, clear: refuse });
    expect(() => writeAccess.remember("s3cret", "Ana")).not.toThrow();
    expect(() => writeAccess.forget()).not.toThrow();
    expect([writeAccess.key(), writeAccess.author()]).toEqual([null, null]);
  });
});
