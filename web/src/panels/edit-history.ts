/**
 * The edit history (Curate tab): GET /api/edits, newest first, each with its
 * summary, author, time, reason and status — applied, not applied (with the
 * server's reason why) or undone — and Undo on applied edits. Fetched when the
 * tab is open and again on every recorded edit or graph reload; while the tab is
 * closed it only notes that it is stale, so a page load costs no extra request.
 */
import { api, type EditRecord } from "../api.ts";
import { undoEdit } from "../apply-edit.ts";
import type { App, MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";
import { describeError } from "../ui/edit-form.ts";

const SHOWN = 100;

const STATUS_TEXT: Record<EditRecord["status"], string> = { applied: "applied", "not-applied": "not applied", undone: "undone" };

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function editItem(app: App, edit: EditRecord): HTMLElement {
  const message = h("p", { class: "form-message", attrs: { role: "status" } });
  const undo =
    edit.status === "applied" && edit.op !== "undo"
      ? h(
          "button",
          {
            class: "small edit-undo",
            attrs: { type: "button", "data-edit-id": edit.id },
            on: {
              click: async () => {
                undo!.disabled = true;
                render(message, "Undoing…");
                try {
                  const record = await undoEdit(app, edit.id);
                  render(message, `Done: ${record.summary}.`);
                } catch (err) {
                  message.dataset.state = "error";
                  render(message, describeError(err));
                  undo!.disabled = false;
                }
              },
            },
          },
          "Undo",
        )
      : null;
  return h(
    "li",
    { class: `edit status-${edit.status}`, attrs: { "data-edit-id": edit.id, "data-op": edit.op, "data-status": edit.status } },
    h("p", { class: "edit-summary" }, edit.summary),
    h(
      "p",
      { class: "edit-meta" },
      h("span", { class: "edit-status" }, STATUS_TEXT[edit.status] ?? edit.status),
      " · ",
      h("span", { class: "edit-author" }, edit.author || "anonymous"),
      " · ",
      h("span", { class: "edit-time", attrs: { title: edit.at } }, when(edit.at)),
    ),
    edit.reason ? h("p", { class: "edit-reason" }, edit.reason) : null,
    edit.status === "not-applied" && edit.problem ? h("p", { class: "edit-problem error" }, edit.problem) : null,
    undo,
    message,
  );
}

export const mountEditHistory: MountPanel = (app) => {
  const root = byId("curate-history");
  const list = h("ol", { class: "edit-history", attrs: { id: "edit-history" } });
  const note = h("p", { class: "hint", attrs: { id: "edit-history-note" } });
  const refreshButton = h("button", { class: "small", attrs: { type: "button", id: "edit-history-refresh" }, on: { click: () => void refresh() } }, "Refresh");
  render(root, h("div", { class: "row history-head" }, h("h3", { attrs: { id: "history-title" } }, "History"), refreshButton), note, list);

  const visible = () => app.store.get().panel === "curate";
  let stale = true;
  let generation = 0;
  async function refresh() {
    stale = false;
    const mine = ++generation;
    try {
      const { edits } = await api.edits({ limit: SHOWN });
      if (mine !== generation) return; // a newer refresh won
      render(list, edits.map((e) => editItem(app, e)));
      render(note, edits.length ? "" : "No edits yet: every change made here is listed, and can be undone.");
      root.dataset.loaded = String(edits.length);
    } catch (err) {
      if (mine === generation) render(note, h("span", { class: "error" }, `Could not load the history: ${describeError(err)}`));
    }
  }
  const refreshIfShown = () => (visible() ? void refresh() : (stale = true));

  if (visible()) void refresh();
  app.store.subscribe((s, prev) => s.panel !== prev.panel && visible() && stale && void refresh());
  app.edits.subscribe(refreshIfShown);
  app.reloaded.subscribe(refreshIfShown);
};
