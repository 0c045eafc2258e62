/**
 * An accessible autocomplete (ARIA combobox + listbox) over /api/search: type a
 * name or alias, move with ↑/↓, choose with Enter or a click. Used by the header
 * search and the path finder's from/to fields.
 */
import { api, type SearchHit } from "../api.ts";
import { h, render } from "./dom.ts";

export interface Autocomplete {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Key of the chosen entity, or null while the text was typed but not chosen. */
  chosen(): string | null;
  set(key: string | null, label: string): void;
}

export interface AutocompleteOptions {
  id: string;
  label: string;
  placeholder: string;
  onChoose(hit: SearchHit): void;
}

let uid = 0;

export function createAutocomplete(o: AutocompleteOptions): Autocomplete {
  const listId = `${o.id}-list`;
  const input = h("input", {
    class: "ac-input",
    attrs: { id: o.id, type: "search", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId, placeholder: o.placeholder, autocomplete: "off", spellcheck: "false" },
  });
  const list = h("ul", { class: "ac-list", attrs: { id: listId, role: "listbox", "aria-label": o.label, hidden: true } });
  const element = h("div", { class: "ac" }, h("label", { class: "visually-hidden", attrs: { for: o.id } }, o.label), input, list);
  let hits: SearchHit[] = [];
  let active = -1;
  let chosenKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | null = null;
  const prefix = `ac${++uid}`;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const choose = (hit: SearchHit) => {
    chosenKey = hit.key;
    input.value = hit.label;
    close();
    o.onChoose(hit);
  };
  const draw = () => {
    render(
      list,
      hits.length === 0
        ? h("li", { class: "ac-empty", attrs: { role: "option", "aria-disabled": "true" } }, "No match")
        : hits.map((hit, i) =>
            h(
              "li",
              {
                class: i === active ? "ac-option active" : "ac-option",
                attrs: { id: `${prefix}-${i}`, role: "option", "aria-selected": i === active ? "true" : "false", "data-key": hit.key },
                on: { mousedown: (e) => (e.preventDefault(), choose(hit)) },
              },
              h("span", { class: `type-dot type-${hit.type}` }),
              h("span", { class: "ac-label" }, hit.label),
              hit.matched && hit.matched !== hit.label ? h("span", { class: "ac-alias" }, `“${hit.matched}”`) : null,
              h("span", { class: "ac-type" }, hit.type),
            ),
          ),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${prefix}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const lookup = async () => {
    const text = input.value.trim();
    inflight?.abort();
    if (!text) return close();
    inflight = new AbortController();
    try {
      hits = (await api.search(text, inflight.signal)).slice(0, 10);
      active = hits.length ? 0 : -1;
      if (document.activeElement === input) draw();
    } catch (err) {
      if ((err as Error).name !== "AbortError") console.warn("parley/web: search failed", err);
    }
  };

  input.addEventListener("input", () => {
    chosenKey = null;
    clearTimeout(timer);
    timer = setTimeout(lookup, 120);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (list.hidden) return void lookup();
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      active = hits.length ? (active + step + hits.length) % hits.length : -1;
      draw();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!list.hidden && hits[active]) choose(hits[active]);
      else void lookup().then(() => hits[0] && choose(hits[0]));
    } else if (e.key === "Escape" && !list.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  return {
    element,
    input,
    chosen: () => chosenKey,
    set(key, label) {
      chosenKey = key;
      input.value = label;
    },
  };
}
