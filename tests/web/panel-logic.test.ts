import { describe, expect, it } from "vitest";
import { ConsoleHistory, HISTORY_LIMIT } from "../../web/src/state/console-history.ts";
import { pathHighlight } from "../../web/src/state/path-highlight.ts";
import { collectHighlights, formatCell } from "../../web/src/state/query-cells.ts";
import { groupRelations, splitQuote } from "../../web/src/state/relations.ts";
import { sampleGraph } from "./fixture.ts";

const nodeCell = (key: string, name: string) => ({ kind: "node", key, labels: ["Actor"], properties: { name } });
const relCell = (key: string, type: string, start: string, end: string) => ({ kind: "relationship", key, type, start, end, properties: {} });

describe("query result cells", () => {
  it("collects nodes and relationships from cells, lists and paths", () => {
    const rows = [
      [nodeCell("marco-rubio", "Marco Rubio"), "text", 3],
      [[nodeCell("kursk", "Kursk")], null],
      [{ kind: "path", nodes: [nodeCell("a", "A"), nodeCell("b", "B")], relationships: [relCell("a|met_with|b", "met_with", "a", "b")] }],
      [relCell("x|proposed|y", "proposed", "x", "y")],
    ];
    const hl = collectHighlights(rows as never);
    expect([...hl.nodes].sort()).toEqual(["a", "b", "kursk", "marco-rubio", "x", "y"]);
    expect([...hl.edges].sort()).toEqual(["a|met_with|b", "x|proposed|y"]);
  });

  const cells: [unknown, string][] = [
    [null, "null"],
    [42, "42"],
    ["<img src=x>", "<img src=x>"],
    [nodeCell("k", "Marco Rubio"), "Marco Rubio"],
    [relCell("k", "negotiated_with", "a", "b"), ":NEGOTIATED_WITH"],
    [{ kind: "path", nodes: [nodeCell("a", "A"), nodeCell("b", "B")], relationships: [] }, "A → B"],
    [["x", 1], "[x, 1]"],
  ];
  it.each(cells)("formats %j as %s", (cell, text) => expect(formatCell(cell)).toBe(text));
});

describe("relations of a node", () => {
  it("groups by type and direction in ontology order; symmetric relations read both ways", () => {
    const groups = groupRelations(sampleGraph(), "marco-rubio");
    expect(groups.map((g) => [g.heading, g.items.map((i) => i.otherLabel)])).toEqual([
      ["negotiated with", ["Andriy Yermak"]],
      ["proposed →", ["30-day ceasefire"]],
      ["criticized →", ["Vladimir Putin"]],
    ]);
    expect(groupRelations(sampleGraph(), "ceasefire").map((g) => g.heading)).toEqual(["← proposed", "← rejected"]);
    expect(groupRelations(sampleGraph(), "nobody")).toEqual([]);
  });

  const quotes: [string, string, [string, string, string]][] = [
    ["Rubio met Yermak in Jeddah.", "met", ["Rubio ", "met", " Yermak in Jeddah."]],
    ["No cue here.", "rejected", ["No cue here.", "", ""]],
    ["Empty quote.", "", ["Empty quote.", "", ""]],
  ];
  it.each(quotes)("splits %s around %s", (s, q, parts) => expect(splitQuote(s, q)).toEqual(parts));
});

describe("path highlight", () => {
  it("finds stored edges for hops in either direction of a symmetric relation", () => {
    const g = sampleGraph();
    const hl = pathHighlight(g, {
      nodes: [
        { key: "marco-rubio", label: "Marco Rubio", type: "actor" },
        { key: "andriy-yermak", label: "Andriy Yermak", type: "actor" },
      ],
      hops: [{ source: "marco-rubio", target: "andriy-yermak", type: "negotiated_with", label: "negotiated with", direction: "both", evidence: [] }],
    });
    expect([...hl.edges]).toEqual(["andriy-yermak|negotiated_with|marco-rubio"]);
    expect([...hl.nodes].sort()).toEqual(["andriy-yermak", "marco-rubio"]);
  });
});

describe("console history", () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };
  it("walks back and forth and returns to the draft", () => {
    const h = new ConsoleHistory(null);
    h.add("one");
    h.add("two");
    h.add("two");
    expect(h.list()).toEqual(["one", "two"]);
    expect(h.previous("draft")).toBe("two");
    expect(h.previous("two")).toBe("one");
    expect(h.previous("one")).toBeNull();
    expect(h.next()).toBe("two");
    expect(h.next()).toBe("draft");
    expect(h.next()).toBeNull();
  });
  it("persists, caps its length and survives corrupt storage", () => {
    const store = memory();
    const h = new ConsoleHistory(store);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h.add(`q${i}`);
    const again = new ConsoleHistory(store);
    expect(again.list()).toHaveLength(HISTORY_LIMIT);
    expect(again.list().at(-1)).toBe(`q${HISTORY_LIMIT + 4}`);
    store.setItem("parley.console.history", "{not json");
    expect(new ConsoleHistory(store).list()).toEqual([]);
  });
});
