import { describe, expect, it } from "vitest";
import { computeVisibility, graphDates, inDateRange } from "../../web/src/graph/filters.ts";
import { DEFAULT_FILTERS, type Filters } from "../../web/src/state/view-state.ts";
import { sampleGraph } from "./fixture.ts";

const f = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch });

describe("computeVisibility", () => {
  const g = sampleGraph();
  const cases: [string, Filters, string[], string[]][] = [
    ["no filter shows everything", f({}), g.nodes(), g.edges()],
    [
      "hiding locations hides Kursk and its edge",
      f({ hiddenNodeTypes: ["location"] }),
      g.nodes().filter((n) => n !== "kursk"),
      g.edges().filter((e) => !e.includes("kursk")),
    ],
    ["hiding an edge type keeps the nodes", f({ hiddenEdgeTypes: ["visited"] }), g.nodes(), g.edges().filter((e) => !e.includes("|visited|"))],
    [
      "minimum degree 2",
      f({ minDegree: 2 }),
      ["marco-rubio", "vladimir-putin", "ceasefire"],
      ["marco-rubio|proposed|ceasefire", "vladimir-putin|rejected|ceasefire", "marco-rubio|criticized|vladimir-putin"],
    ],
    [
      "until 2025-03-11 replays the first day only; undated relations wait",
      f({ to: "2025-03-11" }),
      ["marco-rubio", "andriy-yermak", "ceasefire"],
      ["andriy-yermak|negotiated_with|marco-rubio", "marco-rubio|proposed|ceasefire"],
    ],
    [
      "from 2025-03-13 keeps relations still seen then",
      f({ from: "2025-03-13" }),
      ["marco-rubio", "vladimir-putin", "ceasefire"],
      ["marco-rubio|proposed|ceasefire", "vladimir-putin|rejected|ceasefire"],
    ],
  ];
  it.each(cases)("%s", (_name, filters, nodes, edges) => {
    const v = computeVisibility(g, filters);
    expect([...v.nodes].sort()).toEqual([...nodes].sort());
    expect([...v.edges].sort()).toEqual([...edges].sort());
  });
});

describe("inDateRange", () => {
  const rows: [string | null, string | null, string | null, string | null, boolean][] = [
    ["2025-03-10", "2025-03-12", null, null, true],
    ["2025-03-10", "2025-03-12", "2025-03-12", null, true],
    ["2025-03-10", "2025-03-12", "2025-03-13", null, false],
    ["2025-03-10", "2025-03-12", null, "2025-03-09", false],
    ["2025-03-10", null, "2025-03-10", "2025-03-10", true],
    [null, null, null, "2025-12-31", false],
  ];
  it.each(rows)("first %s last %s in [%s, %s] → %s", (firstSeen, lastSeen, from, to, expected) => {
    expect(inDateRange({ firstSeen, lastSeen }, from, to)).toBe(expected);
  });
});

it("graphDates lists distinct dates in order", () => {
  expect(graphDates(sampleGraph())).toEqual(["2025-03-11", "2025-03-12", "2025-03-14"]);
});
