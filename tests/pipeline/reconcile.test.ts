/**
 * Start-up recovery: when a crash left the articles folder and the graph file
 * disagreeing, the graph is rebuilt from the folder (the source of truth) and
 * written; when they agree, nothing is written.
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync, statSync } from "node:fs";
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
    expect(result).toMatchObject({ missing: [], stale: [], rebuilt: false });
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

  it("leaves alone a graph built from another corpus (it lists articles the folder lacks)", async () => {
    const { dir, articlesDir, graphFile } = await corpusCopy();
    const articles = await loadArticles(articlesDir, rules.ingest);
    await saveGraph(buildGraphFromArticles(articles.slice(1), rules.lexicon), graphFile);
    const before = statSync(graphFile).mtimeMs;
    const others = [articles[0]!, ...articles.slice(2)];
    const result = await reconcileGraph(await loadGraph(graphFile), others, rules, graphFile);
    expect(result).toMatchObject({ missing: [articles[0]!.id], stale: [articles[1]!.id], rebuilt: false });
    expect(statSync(graphFile).mtimeMs).toBe(before);
    rmSync(dir, { recursive: true });
  });

  it("leaves alone a graph when the folder is empty (a graph served without its articles)", async () => {
    const { dir, articlesDir, graphFile } = await corpusCopy();
    const articles = await loadArticles(articlesDir, rules.ingest);
    await saveGraph(buildGraphFromArticles(articles, rules.lexicon), graphFile);
    const result = await reconcileGraph(await loadGraph(graphFile), [], rules, graphFile);
    expect(result.rebuilt).toBe(false);
    expect(result.graph.order).toBeGreaterThan(0);
    rmSync(dir, { recursive: true });
  });
});
