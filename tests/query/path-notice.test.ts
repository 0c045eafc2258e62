/**
 * The path shortcuts say why they found nothing: "not connected" when no chain
 * of relations joins the two, "no path within N hops" / "through T" with how
 * far apart they are otherwise — in the result (`notice`, so the JSON output and
 * the console carry it) and in the terminal table.
 */
import { describe, expect, it } from "vitest";
import { createQueryEngine } from "../../src/query/index.ts";
import { formatTable } from "../../src/query/output/format-text.ts";
import { fixtureGraph } from "./fixture-graph.ts";

const graph = fixtureGraph();
graph.addNode("lone-envoy", { label: "Lone Envoy", type: "actor", aliases: ["Lone Envoy"], mentions: 1, articles: ["a1"], x: 0, y: 0, size: 5, color: "#000" });
const engine = createQueryEngine(graph);

describe("path shortcuts with no route", () => {
  it.each([
    ["path Rubio -> Lone Envoy", "Marco Rubio and Lone Envoy are not connected: no chain of relations joins them"],
    ["paths Rubio -> Lone Envoy k 2", "Marco Rubio and Lone Envoy are not connected: no chain of relations joins them"],
    ["path Rubio -> Putin max 2", "no path within 2 hops: Marco Rubio and Vladimir Putin are 3 hops apart through any relation"],
    ["path Rubio -> Putin via visited", "no path through visited: Marco Rubio and Vladimir Putin are 3 hops apart through any relation"],
    ["path Rubio -> Putin via visited max 3", "no path within 3 hops through visited: Marco Rubio and Vladimir Putin are 3 hops apart through any relation"],
  ])("%s", async (query, notice) => {
    const result = await engine.run(query);
    expect(result.rows).toEqual([]);
    expect(result.notice).toBe(notice);
    expect(formatTable(result).split("\n").at(-1)).toBe(notice);
  });

  it("says nothing more when a path is found, or for a query", async () => {
    const found = await engine.run("path Rubio -> Putin");
    expect(found.rows).toHaveLength(1);
    expect(found.notice).toBeUndefined();
    expect((await engine.run("MATCH (n {name: 'Lone Envoy'})-[r]-() RETURN r")).notice).toBeUndefined();
  });
});
