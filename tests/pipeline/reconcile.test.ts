/**
 * Start-up recovery: when a crash left the articles folder and the graph file
 * disagreeing, the graph is rebuilt from the folder (the source of truth) and
 * written; when they agree, nothing is written.
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadArticles } from "../../src/ingest/index.ts";
import { buildGraphFromArticles } from "../../src/pipeline/index.ts";
import { graphArticleIds, reconcileGraph } from "../../src/pipeline/reconcile.ts";
import { loadGraph, saveGraph } from "../../src/graph/persist.ts";
import { ARTICLES_DIR, rules } from "./helpers.ts";

async function corpusCopy() {
  const dir = mkdtempSync(join(tmpdir(), "parley-reconcile-"));
  cpSync(ARTICLES_DIR, join(dir, "articles"), { recursive: true });
  return { dir, articlesDir: join(dir, "articles"), graphFile: join(dir, "graph.json") };
}

describe("reconcileGraph", () => {
  it("leaves an agreeing graph file untouched", async () => {
    const { dir, articlesDir, graphFile } = await corpusCopy();
    const articles = await loadArticles(articlesDir, rules.ingest);
    await saveGraph(buildGraphFromArticles(articles, rules.lexicon), graphFile);
    const before = statSync(graphFile).mtimeMs;
    const result = await reconcileGraph(await loadGraph(graphFile), articles, rules, graphFile);
    expect(result).toMatchObject({ missing: [], stale: [] });
    expect(statSync(graphFile).mtimeMs).toBe(before);
    rmSync(dir, { recursive: true });
  });

  it("rebuilds when an article reached the folder but not the graph (crash between the two writes)", async () => {
    const { dir, articlesDir, graphFile } = await corpusCopy();
    const articles = await loadArticles(articlesDir, rules.ingest);
    const full = buildGraphFromArticles(articles, rules.lexicon);
    await saveGraph(buildGraphFromArticles(articles.slice(0, -1), rules.lexicon), graphFile);
    const result = await reconcileGraph(await loadGraph(graphFile), articles, rules, graphFile);
    expect(result.missing).toEqual([articles.at(-1)!.id]);
    expect(result.stale).toEqual([]);
    expect(graphArticleIds(result.graph)).toEqual(new Set(articles.map((a) => a.id)));
    expect((await loadGraph(graphFile)).export()).toEqual(full.export());
    rmSync(dir, { recursive: true });
  });

  it("rebuilds when the graph lists an article whose file is gone", async () => {
    const { dir, articlesDir, graphFile } = await corpusCopy();
    const articles = await loadArticles(articlesDir, rules.ingest);
    await saveGraph(buildGraphFromArticles(articles, rules.lexicon), graphFile);
    const remaining = articles.slice(1);
    const result = await reconcileGraph(await loadGraph(graphFile), remaining, rules, graphFile);
    expect(result.stale).toEqual([articles[0]!.id]);
    expect(graphArticleIds(await loadGraph(graphFile))).toEqual(new Set(remaining.map((a) => a.id)));
    rmSync(dir, { recursive: true });
  });
});
