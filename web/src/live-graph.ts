/**
 * The graph as it changes under the page: `reload` refetches /api/graph and syncs
 * the one graph instance in place (graph/sync-graph.ts), so the camera, the
 * filters and — where the entity survives — the selection stay; when an edit
 * took the selected entity away, the selection follows it (to the entity it was
 * merged into, to its new name: state/selection-successor.ts). Reloads are coalesced: while one runs, further requests share
 * a single next one, so a burst of events costs two fetches, not one per event.
 */
import type { ArticleMeta } from "../../src/types.ts";
import { api, type EditRecord } from "./api.ts";
import type { App } from "./app.ts";
import { applyAppearance } from "./graph/appearance.ts";
import { syncGraph } from "./graph/sync-graph.ts";
import { selectionSuccessor, undoesUnknownEdit, type Gone } from "./state/selection-successor.ts";
import { createSignal } from "./state/signal.ts";

type LiveParts = Pick<App, "graph" | "scene" | "store" | "status"> & { articles: Map<string, ArticleMeta> };
export type LiveGraph = Pick<App, "reload" | "reloaded" | "edits" | "recordEdit">;

/** Edits remembered for the selection to follow; only recent ones can have removed what is on screen. */
const RECENT_EDITS = 50;
/** How far back the log is read when an undo names an edit this page never saw. */
const LOG_LOOKBACK = 500;

export function createLiveGraph({ graph, scene, store, articles, status }: LiveParts): LiveGraph {
  const reloaded = createSignal<void>();
  const edits = createSignal<EditRecord>();
  const recent: EditRecord[] = [];
  const seen = new Map<number, string>();

  // The selected entity's label while it was there: an undone rename is recognized by it.
  let selected: Gone | null = null;
  const noteSelection = () => {
    const { node } = store.get();
    if (node && graph.hasNode(node)) selected = { key: node, label: graph.getNodeAttribute(node, "label") };
  };

  /** The selected entity is gone: select its successor, if the edits name one (reading the log when an undo points further back). */
  const followSelection = async () => {
    const { node } = store.get();
    if (!node || graph.hasNode(node)) return;
    const gone: Gone = selected?.key === node ? selected : { key: node, label: null };
    let next = selectionSuccessor(graph, gone, recent);
    if (next === undefined && undoesUnknownEdit(recent)) {
      const { edits: log } = await api.edits({ limit: LOG_LOOKBACK });
      const known = new Set(recent.map((e) => e.id));
      next = selectionSuccessor(graph, gone, [...recent, ...log.filter((e) => !known.has(e.id))]);
    }
    if (next !== undefined && store.get().node === node) store.set({ node: next }, "replace");
  };
  const follow = () => void followSelection().catch((err) => console.warn("parley/web: could not follow the selection", err));

  const fetchAndSync = async () => {
    const data = await api.graph();
    noteSelection();
    syncGraph(graph, data);
    applyAppearance(graph);
    articles.clear();
    for (const a of data.attributes?.articles ?? []) articles.set(a.id, a);
    scene.graphChanged(store.get().filters);
    follow();
    reloaded.emit();
    status(`${graph.order} entities · ${graph.size} relations`);
  };

  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  const reload = () => {
    if (queued) return queued;
    const next = tail.then(() => {
      queued = null;
      return fetchAndSync();
    });
    queued = next;
    tail = next.catch(() => {});
    return next;
  };

  const recordEdit = (edit: EditRecord) => {
    const fingerprint = `${edit.status}/${edit.problem ?? ""}`;
    if (seen.get(edit.id) === fingerprint) return;
    seen.set(edit.id, fingerprint);
    recent.push(edit);
    if (recent.length > RECENT_EDITS) recent.shift();
    edits.emit(edit);
    // The graph may already have been reloaded without the entity (events can arrive either way round).
    follow();
  };

  return { reload, reloaded, edits, recordEdit };
}
