/**
 * "Add a relation" (Curate tab): a relation the extractor missed, backed by a
 * quote that must occur in an article's sentence (the server finds it, in the
 * named article or any). Source and target are autocompletes over /api/search;
 * the relation types come from the ontology's one list. The source starts as the
 * selected entity while the field is empty.
 */
import { EDGE_TYPES } from "../../../src/ontology.ts";
import { applyEdit } from "../apply-edit.ts";
import type { MountPanel } from "../app.ts";
import { createAutocomplete } from "../ui/autocomplete.ts";
import { byId, h, render } from "../ui/dom.ts";
import { editForm, FormProblem, stackedField } from "../ui/edit-form.ts";

export const mountAddRelation: MountPanel = (app) => {
  const root = byId("curate-add-relation");
  const source = createAutocomplete({ id: "add-edge-source", label: "Source entity", placeholder: "Source (e.g. Rubio)", onChoose: () => undefined });
  const target = createAutocomplete({ id: "add-edge-target", label: "Target entity", placeholder: "Target (e.g. Lavrov)", onChoose: () => undefined });
  const types = EDGE_TYPES.map((t) => h("input", { attrs: { type: "radio", name: "add-edge-type", value: t.id, "data-type": t.id } }));
  const quote = h("textarea", { class: "quote-input", attrs: { id: "add-edge-quote", rows: 3, maxlength: 2000, placeholder: "Words from an article's sentence that say so" } });
  const article = h("input", { attrs: { id: "add-edge-article", type: "text", maxlength: 200, placeholder: "any article with the quote", spellcheck: "false" } });
  const value = (ac: typeof source) => ac.chosen() ?? ac.input.value.trim();

  const { form } = editForm({
    id: "add-edge-form",
    fields: [
      h("div", { class: "stacked" }, h("span", {}, "From"), source.element),
      h("fieldset", {}, h("legend", {}, "Relation"), h("div", { class: "checks" }, EDGE_TYPES.map((t, i) => h("label", { class: "check" }, types[i], t.label)))),
      h("div", { class: "stacked" }, h("span", {}, "To"), target.element),
      stackedField("Quote", quote),
      stackedField("Article id (optional)", article),
    ],
    submitLabel: "Add relation",
    async submit({ reason }) {
      const from = value(source);
      const to = value(target);
      const type = types.find((t) => t.checked)?.value;
      const said = quote.value.trim();
      if (!from || !to) throw new FormProblem("Choose both ends of the relation.");
      if (!type) throw new FormProblem("Choose the relation type.");
      if (!said) throw new FormProblem("Give the quote that states the relation.");
      const edit = await applyEdit(app, { op: "add-edge", source: from, type, target: to, quote: said, ...(article.value.trim() ? { article: article.value.trim() } : {}) }, { reason });
      quote.value = "";
      return `Done: ${edit.summary}.`;
    },
  });
  render(root, h("details", { class: "curate-section", attrs: { id: "add-relation" } }, h("summary", {}, "Add a relation"), form));

  const followSelection = () => {
    const key = app.store.get().node;
    if (key && app.graph.hasNode(key) && !source.input.value.trim()) source.set(key, app.graph.getNodeAttribute(key, "label"));
  };
  followSelection();
  app.store.subscribe((s, prev) => s.node !== prev.node && followSelection());
};
