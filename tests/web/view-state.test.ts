import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, decodeViewState, encodeViewState, type ViewState } from "../../web/src/state/view-state.ts";

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch, filters: { ...DEFAULT_VIEW.filters, ...(patch.filters ?? {}) } });

describe("view state ⇄ URL", () => {
  const roundTrips: [string, ViewState][] = [
    ["default view", view({})],
    ["selected node", view({ node: "vladimir-putin" })],
    ["path with types and alternative", view({ path: { from: "marco-rubio", to: "vladimir-putin", types: ["met_with", "negotiated_with"], max: null }, pathIndex: 2, panel: "path" })],
    ["path with a hop limit", view({ path: { from: "marco-rubio", to: "vladimir-putin", types: [], max: 4 }, panel: "path" })],
    ["size and color by statistics", view({ sizeBy: "betweenness", colorBy: "community", panel: "analyze" })],
    ["query with newlines and quotes", view({ query: "MATCH (a {name: 'Marco Rubio'})\n-[r]-(b) RETURN b.name & 'x'", panel: "console" })],
    ["filters", view({ filters: { hiddenNodeTypes: ["location", "proposal"], hiddenEdgeTypes: ["visited"], minDegree: 3, from: "2025-03-01", to: "2025-03-20" } })],
  ];
  it.each(roundTrips)("round-trips %s", (_name, state) => {
    expect(decodeViewState(encodeViewState(state))).toEqual(state);
  });

  it("writes nothing for the default view", () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe("");
  });

  const malformed: [string, Partial<ViewState>][] = [
    ["?deg=-4&xn=robot,actor&xe=flew_to&since=yesterday&panel=nope", { filters: { ...DEFAULT_VIEW.filters, hiddenNodeTypes: ["actor"] } }],
    ["?from=marco-rubio", {}],
    ["?from=a&to=b&alt=-1&ptypes=bogus,met_with&hops=0", { path: { from: "a", to: "b", types: ["met_with"], max: null } }],
    ["?from=a&to=b&hops=99&size=bogus&color=rainbow", { path: { from: "a", to: "b", types: [], max: 12 } }],
    ["?q=%20%20&node=", {}],
  ];
  it.each(malformed)("drops what is malformed in %s", (search, expected) => {
    expect(decodeViewState(search)).toEqual(view(expected));
  });

  it("does not depend on the order of list items", () => {
    const a = encodeViewState(view({ filters: { ...DEFAULT_VIEW.filters, hiddenNodeTypes: ["proposal", "actor"] } }));
    const b = encodeViewState(view({ filters: { ...DEFAULT_VIEW.filters, hiddenNodeTypes: ["actor", "proposal"] } }));
    expect(a).toBe(b);
  });
});
