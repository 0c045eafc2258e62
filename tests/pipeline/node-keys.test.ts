/** Node keys are slugs of labels, unique, and never a name graphology cannot hold (src/graph/reserved-keys.ts). */
import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../src/graph/assemble.ts";
import type { ResolvedCorpus } from "../../src/extract/index.ts";
import type { Article } from "../../src/types.ts";

const article = { id: "a1", title: "t", outlet: "o", published: "2025-03-01", url: "https://example.org/a", file: "a1.txt", credits: [], sentences: [], text: "x" } as unknown as Article;
const entity = (key: string, label: string, type: "actor" | "organization", mentions: number) => ({ key, label, type, aliases: [label], mentions, articles: ["a1"], known: false });

describe("node keys", () => {
  it("a label whose slug names an object member gets the type appended, and edges to it stay out of Object.prototype", () => {
    const corpus = {
      entities: [entity("e1", "Constructor", "organization", 3), entity("e2", "Ann Lee", "actor", 2), entity("e3", "Ann Lee", "organization", 1)],
      relations: [{ source: "e2", type: "member_of", target: "e1", evidence: [{ article: "a1", sentence: "s", quote: "q", rule: "r", sentenceIndex: 0 }] }],
    } as unknown as ResolvedCorpus;
    const graph = assembleGraph(corpus, [article]);
    expect(graph.nodes().sort()).toEqual(["ann-lee", "ann-lee-organization", "constructor-organization"]);
    expect(graph.edges("ann-lee", "constructor-organization")).toHaveLength(1);
    expect(typeof (Object as unknown as Record<string, unknown>).previous).toBe("undefined");
  });
});
