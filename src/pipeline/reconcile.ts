/**
 * Recovery at start-up. Live ingest writes the article file first and the graph
 * file second, each atomically; a crash between the two leaves an article the
 * graph does not know yet: the folder then holds every article the graph lists
 * plus some. The articles folder is the source of truth, so in exactly that
 * case the graph is rebuilt from the folder and written atomically. A graph
 * that lists articles the folder lacks was built from another corpus (a graph
 * served with another articles folder, a generated graph): it is left alone,
 * and the caller is told what differed either way.
 */
import type { Article } from "../types.ts";
import { saveGraph, type ParleyGraph } from "../graph/persist.ts";
import { buildGraphFromArticles, type Rules } from "./build.ts";

export interface Reconciled {
  graph: ParleyGraph;
  /** Articles in the folder that the graph file did not include. */
  missing: string[];
  /** Articles the graph file listed that the folder does not have. */
  stale: string[];
  /** Whether the graph was rebuilt and written. */
  rebuilt: boolean;
}

/** Ids of the articles a graph was built from (its `articles` graph attribute). */
export function graphArticleIds(graph: ParleyGraph): Set<string> {
  const listed = graph.getAttribute("articles") as Array<{ id: string }> | undefined;
  return new Set((listed ?? []).map((a) => a.id));
}

export async function reconcileGraph(graph: ParleyGraph, articles: Article[], rules: Rules, graphFile: string): Promise<Reconciled> {
  const inGraph = graphArticleIds(graph);
  const inFolder = new Set(articles.map((a) => a.id));
  const missing = [...inFolder].filter((id) => !inGraph.has(id)).sort();
  const stale = [...inGraph].filter((id) => !inFolder.has(id)).sort();
  if (missing.length === 0 || stale.length > 0) return { graph, missing, stale, rebuilt: false };
  const rebuilt = buildGraphFromArticles(articles, rules.lexicon);
  await saveGraph(rebuilt, graphFile);
  return { graph: rebuilt, missing, stale, rebuilt: true };
}
