/**
 * Server-sent events from /api/events keep the page current without a reload:
 * "graph" (the served graph changed: an ingest or an edit, from any client)
 * reloads the graph in place; "edit" (an edit or undo was recorded) feeds the
 * edit signal the history panel listens to. EventSource reconnects by itself;
 * after a reconnect the graph is reloaded once, for what was missed meanwhile.
 */
import type { EditRecord } from "./api.ts";
import type { App } from "./app.ts";

export interface ServerEvents {
  /** Is the stream open, so that a change made by this tab will arrive as an event? */
  connected(): boolean;
}

export function followServerEvents(app: Pick<App, "reload" | "recordEdit" | "status">): ServerEvents {
  if (typeof EventSource === "undefined") return { connected: () => false };
  const source = new EventSource("/api/events");
  const reload = () =>
    app.reload().catch((err) => {
      console.warn("parley/web: reload after a graph event failed", err);
      app.status(`Could not reload the graph: ${err instanceof Error ? err.message : String(err)}`);
    });
  let lostTouch = false;

  source.addEventListener("graph", () => void reload());
  source.addEventListener("edit", (e) => {
    try {
      const { edit } = JSON.parse((e as MessageEvent<string>).data) as { edit: EditRecord };
      if (edit && typeof edit.id === "number") app.recordEdit(edit);
    } catch (err) {
      console.warn("parley/web: unreadable edit event", err);
    }
  });
  source.addEventListener("error", () => (lostTouch = true));
  source.addEventListener("open", () => {
    if (lostTouch) void reload();
    lostTouch = false;
  });
  window.addEventListener("pagehide", () => source.close());
  return { connected: () => source.readyState === EventSource.OPEN };
}
