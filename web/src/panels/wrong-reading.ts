/**
 * "Wrong reading" beside an evidence quote in the node panel: the quote does not
 * say what the relation claims, so that one evidence item (its article and
 * sentence) is rejected — a reject-evidence edit on the edge's source, type and
 * target. A relation left without evidence goes with it. Opens a small inline
 * form for the optional reason, so one click never changes the graph.
 */
import type { Evidence } from "../../../src/types.ts";
import { applyEdit } from "../apply-edit.ts";
import type { App } from "../app.ts";
import { h, render } from "../ui/dom.ts";
import { editForm } from "../ui/edit-form.ts";

let forms = 0;

export function wrongReadingAction(app: App, edge: string, ev: Evidence): HTMLElement {
  const slot = h("div", { class: "evidence-reject-form" });
  const close = () => {
    render(slot);
    button.setAttribute("aria-expanded", "false");
  };
  const open = () => {
    const { form } = editForm({
      id: `reject-evidence-${++forms}`,
      fields: [h("p", { class: "hint" }, "This sentence does not say that: drop it from the relation's evidence.")],
      submitLabel: "Mark as wrong reading",
      cancel: close,
      async submit({ reason }) {
        if (!app.graph.hasEdge(edge)) throw new Error("the relation is no longer in the graph");
        const source = app.graph.source(edge);
        const target = app.graph.target(edge);
        const type = app.graph.getEdgeAttribute(edge, "type");
        const edit = await applyEdit(app, { op: "reject-evidence", source, type, target, article: ev.article, sentenceIndex: ev.sentenceIndex }, { reason });
        return `Done: ${edit.summary}.`;
      },
    });
    render(slot, form);
    button.setAttribute("aria-expanded", "true");
    form.querySelector("input")?.focus();
  };
  const button = h(
    "button",
    {
      class: "link evidence-reject",
      attrs: { type: "button", "aria-expanded": "false", "data-article": ev.article, "data-sentence": ev.sentenceIndex, title: "This sentence does not say that" },
      on: { click: () => (button.getAttribute("aria-expanded") === "true" ? close() : open()) },
    },
    "Wrong reading",
  );
  return h("div", { class: "evidence-actions" }, button, slot);
}
