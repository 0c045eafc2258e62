/**
 * What every panel receives: the canonical graph, the URL-backed view store, the
 * drawn scene, article metadata and the article reader. Panels talk to each other
 * only through the store (view state) and the scene (highlights).
 */
import type { ArticleMeta } from "../../src/types.ts";
import type { ExplorerGraph } from "./graph/filters.ts";
import type { Scene } from "./graph/scene.ts";
import type { Store } from "./state/store.ts";

export interface Reader {
  open(articleId: string, sentenceIndex?: number): Promise<void>;
}

export interface App {
  graph: ExplorerGraph;
  store: Store;
  scene: Scene;
  articles: ReadonlyMap<string, ArticleMeta>;
  reader: Reader;
  /** Short status line in the header (aria-live). */
  status(text: string): void;
}

/** A panel: mounts itself into its container and keeps itself in sync with the store. */
export type MountPanel = (app: App) => void;

/** "Reuters · 2025-03-12" for an article id, falling back to the id. */
export function articleSource(app: App, id: string): string {
  const a = app.articles.get(id);
  if (!a) return id;
  return [a.title, a.outlet, a.published].filter(Boolean).join(" · ");
}
