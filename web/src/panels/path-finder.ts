/**
 * Path finder ("Path" tab): from/to with autocomplete, optional edge types and a
 * hop limit. The
 * request lives in the view state (so it is in the URL); the answer from /api/path
 * is highlighted in the graph and narrated hop by hop with its evidence, with the
 * alternatives listed when there are several. With none, it says whether the two
 * are not connected at all or only farther apart than the limit or the types allow.
 */
import { EDGE_TYPES } from "../../../src/ontology.ts";
import { api, ApiError, type PathResult } from "../api.ts";
import type { App, MountPanel } from "../app.ts";
import { pathHighlight, type FoundPath } from "../state/path-highlight.ts";
import { createAutocomplete } from "../ui/autocomplete.ts";
import { byId, h, render } from "../ui/dom.ts";
import { MAX_PATH_HOPS, type PathRequest } from "../state/view-state.ts";
import { evidenceButton } from "./evidence.ts";

function narrate(app: App, path: FoundPath): HTMLElement {
  const label = (key: string) => path.nodes.find((n) => n.key === key)?.label ?? (app.graph.hasNode(key) ? app.graph.getNodeAttribute(key, "label") : key);
  return h(
    "ol",
    { class: "hops" },
    path.hops.map((hop) => {
      const sentence = `${label(hop.source)} — ${hop.label} → ${label(hop.target)}`;
      const ev = hop.evidence[0];
      return h("li", { class: "hop", attrs: { "data-type": hop.type } }, h("p", { class: "hop-line" }, sentence), ev ? evidenceButton(app, ev) : h("p", { class: "hint" }, "(no evidence recorded)"));
    }),
  );
}

/** Why nothing was found: not connected at all, or farther than the limit / the chosen types allow. */
export function noPathMessage(result: PathResult, request: PathRequest): string {
  if (result.apart === null || result.apart === undefined) return "They are not connected: no chain of relations joins them.";
  const hops = `${result.apart} hop${result.apart === 1 ? "" : "s"}`;
  if (request.max !== null && result.apart > request.max) return `No path within ${request.max} hop${request.max === 1 ? "" : "s"}: they are ${hops} apart. Raise the hop limit to see it.`;
  return `No path through the chosen relation types; through any relation they are ${hops} apart.`;
}

export const mountPathFinder: MountPanel = (app) => {
  const root = byId("panel-path");
  const from = createAutocomplete({ id: "path-from", label: "From entity", placeholder: "From (e.g. Rubio)", onChoose: () => to.input.focus() });
  const to = createAutocomplete({ id: "path-to", label: "To entity", placeholder: "To (e.g. Putin)", onChoose: () => findButton.focus() });
  const typeBoxes = EDGE_TYPES.map((t) => h("input", { attrs: { type: "checkbox", value: t.id, "data-type": t.id } }));
  const hops = h("input", { attrs: { type: "number", id: "path-hops", min: 1, max: MAX_PATH_HOPS, step: 1, placeholder: "no limit", inputmode: "numeric" } });
  const findButton = h("button", { class: "primary", attrs: { type: "submit", id: "path-find" } }, "Find path");
  const message = h("p", { class: "hint", attrs: { role: "status" } });
  const results = h("div", { class: "path-results", attrs: { id: "path-results" } });
  const form = h(
    "form",
    { class: "path-form", on: { submit: (e) => (e.preventDefault(), submit()) } },
    h("div", { class: "row" }, from.element),
    h("div", { class: "row" }, to.element),
    h("div", { class: "row" }, h("label", { attrs: { for: "path-hops" } }, `At most this many hops (1–${MAX_PATH_HOPS}, empty: no limit) `), hops),
    h("details", { class: "path-types" }, h("summary", {}, "Only through these relation types"), h("div", { class: "checks" }, EDGE_TYPES.map((t, i) => h("label", {}, typeBoxes[i], ` ${t.label}`)))),
    findButton,
  );
  render(root, h("h2", {}, "Find a path"), form, message, results);

  const submit = () => {
    const f = from.chosen() ?? from.input.value.trim();
    const t = to.chosen() ?? to.input.value.trim();
    if (!f || !t) return render(message, "Choose both ends of the path.");
    const types = typeBoxes.filter((b) => b.checked).map((b) => b.value);
    const text = hops.value.trim();
    const max = text === "" ? null : Number(text);
    if (max !== null && !(Number.isInteger(max) && max >= 1 && max <= MAX_PATH_HOPS)) return render(message, `The hop limit is a whole number from 1 to ${MAX_PATH_HOPS}, or empty for no limit.`);
    app.store.set({ path: { from: f, to: t, types, max }, pathIndex: 0, panel: "path" });
  };

  let answer: { request: string; result: PathResult } | null = null;
  const show = () => {
    const { path, pathIndex } = app.store.get();
    if (!answer || !path) return;
    const paths = answer.result.paths;
    if (paths.length === 0) {
      app.scene.setPath(null);
      render(message, noPathMessage(answer.result, path));
      return render(results);
    }
    const index = Math.min(pathIndex, paths.length - 1);
    app.scene.setPath(pathHighlight(app.graph, paths[index]));
    render(message, `${paths.length === 1 ? "One path" : `${paths.length} paths`} of ${paths[index].hops.length} hops.`);
    render(
      results,
      paths.length > 1
        ? h(
            "div",
            { class: "alternatives", attrs: { role: "group", "aria-label": "Alternative paths" } },
            paths.map((p, i) =>
              h("button", { class: i === index ? "alt active" : "alt", attrs: { type: "button", "aria-pressed": i === index ? "true" : "false" }, on: { click: () => app.store.set({ pathIndex: i }) } }, p.nodes.map((n) => n.label).join(" → ")),
            ),
          )
        : null,
      h("p", { class: "path-summary", attrs: { id: "path-summary" } }, paths[index].nodes.map((n) => n.label).join(" → ")),
      narrate(app, paths[index]),
    );
  };

  const sync = async () => {
    const { path } = app.store.get();
    if (!path) {
      answer = null;
      app.scene.setPath(null);
      render(message);
      return render(results);
    }
    const label = (k: string) => (app.graph.hasNode(k) ? app.graph.getNodeAttribute(k, "label") : k);
    from.set(app.graph.hasNode(path.from) ? path.from : null, label(path.from));
    to.set(app.graph.hasNode(path.to) ? path.to : null, label(path.to));
    typeBoxes.forEach((b) => (b.checked = path.types.includes(b.value)));
    hops.value = path.max === null ? "" : String(path.max);
    const request = JSON.stringify(path);
    if (answer?.request === request) return show();
    render(message, "Searching…");
    try {
      const result = await api.path(path.from, path.to, path.types, path.max);
      if (JSON.stringify(app.store.get().path) !== request) return; // a newer request won
      answer = { request, result };
      show();
    } catch (err) {
      answer = null;
      app.scene.setPath(null);
      render(results);
      render(message, err instanceof ApiError ? err.message : `Path search failed: ${String(err)}`);
    }
  };
  void sync();
  app.store.subscribe((s, prev) => {
    if (s.path !== prev.path || s.pathIndex !== prev.pathIndex) void sync();
  });
};
