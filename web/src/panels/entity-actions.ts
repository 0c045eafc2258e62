/**
 * Curation actions on the selected entity, in the node panel: merge it into
 * another (autocomplete over /api/search), rename, retype, delete — each a small
 * form with an optional reason, one open at a time. The block is kept while the
 * same entity stays selected, so a reload of the graph (someone else's edit)
 * redraws the panel around a half-typed form without losing it.
 */
import { NODE_TYPES } from "../../../src/types.ts";
import { applyEdit } from "../apply-edit.ts";
import type { App } from "../app.ts";
import { createAutocomplete } from "../ui/autocomplete.ts";
import { h, render } from "../ui/dom.ts";
import { editForm, FormProblem, stackedField } from "../ui/edit-form.ts";

interface ActionDef {
  id: "merge" | "rename" | "retype" | "delete";
  label: string;
  form(app: App, key: string, close: () => void): HTMLFormElement;
}

const labelOf = (app: App, key: string) => (app.graph.hasNode(key) ? app.graph.getNodeAttribute(key, "label") : key);

const ACTIONS: readonly ActionDef[] = [
  {
    id: "merge",
    label: "Merge with…",
    form(app, key, close) {
      const into = createAutocomplete({ id: "merge-into", label: "Entity to merge into", placeholder: "Merge into (search a name)", onChoose: () => undefined });
      return editForm({
        id: "merge-form",
        fields: [h("p", { class: "hint" }, `“${labelOf(app, key)}” goes into the entity you choose, which keeps its name; its relations and evidence move there.`), h("div", { class: "row" }, into.element)],
        submitLabel: "Merge",
        cancel: close,
        async submit({ reason }) {
          const target = into.chosen() ?? into.input.value.trim();
          if (!target) throw new FormProblem("Choose the entity to merge into.");
          if (target === key) throw new FormProblem(`Choose an entity other than “${labelOf(app, key)}” itself.`);
          const edit = await applyEdit(app, { op: "merge", from: key, into: target }, { reason });
          return `Done: ${edit.summary}.`;
        },
      }).form;
    },
  },
  {
    id: "rename",
    label: "Rename",
    form(app, key, close) {
      const input = h("input", { attrs: { id: "rename-label", type: "text", maxlength: 200, value: labelOf(app, key) } });
      return editForm({
        id: "rename-form",
        fields: [stackedField("New name", input)],
        submitLabel: "Rename",
        cancel: close,
        async submit({ reason }) {
          const label = input.value.trim();
          if (!label) throw new FormProblem("Give the new name.");
          if (label === labelOf(app, key)) throw new FormProblem("That is its name already.");
          const edit = await applyEdit(app, { op: "rename", entity: key, label }, { reason });
          return `Done: ${edit.summary}.`;
        },
      }).form;
    },
  },
  {
    id: "retype",
    label: "Retype",
    form(app, key, close) {
      const current = app.graph.hasNode(key) ? app.graph.getNodeAttribute(key, "type") : null;
      const radios = NODE_TYPES.map((t) => h("input", { attrs: { type: "radio", name: "retype-type", value: t, "data-type": t, checked: t === current } }));
      return editForm({
        id: "retype-form",
        fields: [h("fieldset", {}, h("legend", {}, "Type"), h("div", { class: "checks" }, NODE_TYPES.map((t, i) => h("label", { class: "check" }, radios[i], h("span", { class: `type-dot type-${t}` }), t))))],
        submitLabel: "Change type",
        cancel: close,
        async submit({ reason }) {
          const type = NODE_TYPES.find((_t, i) => radios[i].checked);
          if (!type) throw new FormProblem("Choose a type.");
          if (type === current) throw new FormProblem(`It is ${type === "actor" || type === "organization" ? "an" : "a"} ${type} already.`);
          const edit = await applyEdit(app, { op: "retype", entity: key, type }, { reason });
          return `Done: ${edit.summary}.`;
        },
      }).form;
    },
  },
  {
    id: "delete",
    label: "Delete",
    form(app, key, close) {
      const relations = app.graph.hasNode(key) ? app.graph.degree(key) : 0;
      return editForm({
        id: "delete-form",
        fields: [h("p", {}, `Delete “${labelOf(app, key)}” and its ${relations === 1 ? "1 relation" : `${relations} relations`}? Undo in the history brings them back.`)],
        submitLabel: "Delete entity",
        danger: true,
        cancel: close,
        async submit({ reason }) {
          const edit = await applyEdit(app, { op: "delete-entity", entity: key }, { reason });
          return `Done: ${edit.summary}.`;
        },
      }).form;
    },
  },
];

function entityActions(app: App, key: string): HTMLElement {
  const slot = h("div", { class: "entity-action-form", attrs: { id: "entity-action-form" } });
  let open: ActionDef["id"] | null = null;
  const close = () => toggle(null);
  const buttons = ACTIONS.map((a) =>
    h("button", { class: "small", attrs: { type: "button", id: `entity-${a.id}`, "aria-expanded": "false", "aria-controls": slot.id }, on: { click: () => toggle(open === a.id ? null : a.id) } }, a.label),
  );
  function toggle(id: ActionDef["id"] | null) {
    open = id;
    ACTIONS.forEach((a, i) => buttons[i].setAttribute("aria-expanded", String(a.id === id)));
    const def = ACTIONS.find((a) => a.id === id);
    render(slot, def ? def.form(app, key, close) : null);
    slot.querySelector<HTMLElement>("input:not([type=radio]), input:checked, button[type=submit]")?.focus();
  }
  return h("section", { class: "entity-actions", attrs: { "aria-label": "Curate this entity" } }, h("div", { class: "row", attrs: { role: "group", "aria-label": "Curation actions" } }, buttons), slot);
}

/** The actions block for `key`: the same element while the same entity is shown, so its open form survives a redraw. */
export function createEntityActions(app: App): (key: string) => HTMLElement {
  let shown: { key: string; element: HTMLElement } | null = null;
  return (key) => {
    if (shown?.key !== key) shown = { key, element: entityActions(app, key) };
    return shown.element;
  };
}
