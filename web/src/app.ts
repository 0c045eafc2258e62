/**
 * What every panel receives: the canonical graph, the URL-backed view store, the
 * drawn scene, article metadata and the article reader, plus the live side —
 * reloading the graph in place and the feed of curation edits. Panels talk to
 * each other only through the store (view state), the scene (highlights) and
 * those two signals.
 */
import type { ArticleMeta } from "../../src/types.ts";
import type { EditRecord } from "./api.ts";
import type { ExplorerGraph } from "./graph/filters.ts";
import type { Scene } from "./graph/scene.ts";
import type { Signal } from "./state/signal.ts";
import type { Store } from "./state/store.ts";

export interface Reader {
  open(articleId: string, sentenceIndex?: number): Promise<void>;
}

export interface App {
  /** One instance for the page's life: a reload changes it in place. */
  graph: ExplorerGraph;
  store: Store;
  scene: Scene;
  /** Refilled on each reload. */
  articles: ReadonlyMap<string, ArticleMeta>;
  reader: Reader;
  /** Short status line in the header (aria-live). */
  status(text: string): void;
  /** Refetches /api/graph and updates the graph in place (selection and camera kept); concurrent calls share one fetch. */
  reload(): Promise<void>;
  /** Emitted after each reload: panels derived from the graph redraw. */
  reloaded: Signal<void>;
  /** Each edit record once, as it is recorded (by this tab or another, from /api/events). */
  edits: Signal<EditRecord>;
  /** Hands an edit record to `edits` unless it was seen already (own edits come back as events too). */
  recordEdit(edit: EditRecord): void;
  /** This tab changed the graph: the change arrives through the event stream, or, with the stream down, by reloading now. */
  expectChange(): void;
}

/** A panel: mounts itself into its container and keeps itself in sync with the store. */
export type MountPanel = (app: App) => void;

/** "Reuters · 2025-03-12" for an article id, falling back to the id. */
export function articleSource(app: App, id: string): string {
  const a = app.articles.get(id);
  if (!a) return id;
  return [a.title, a.outlet, a.published].filter(Boolean).join(" · ");
}
