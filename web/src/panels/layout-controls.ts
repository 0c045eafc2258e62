/**
 * Layout ("Layout" tab): ForceAtlas2 in a web worker (graphology-layout-forceatlas2/
 * worker), starting from the precomputed positions, with start/stop, its main
 * settings as a declarative list, and a reset to the saved positions.
 */
import FA2Module from "graphology-layout-forceatlas2/worker.js";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import type { MountPanel } from "../app.ts";
import { byId, h, render } from "../ui/dom.ts";

// A CommonJS module typed with `export default`: tsc (NodeNext) and Vite disagree on the interop, so accept both shapes.
type FA2Class = typeof FA2Module.default;
type FA2Layout = InstanceType<FA2Class>;
const FA2Layout: FA2Class = (FA2Module as { default?: FA2Class }).default ?? (FA2Module as unknown as FA2Class);

interface SettingDef {
  id: keyof ForceAtlas2Settings;
  label: string;
  kind: "number" | "boolean";
  min?: number;
  max?: number;
  step?: number;
}

export const FA2_SETTINGS: readonly SettingDef[] = [
  { id: "gravity", label: "Gravity", kind: "number", min: 0, max: 10, step: 0.1 },
  { id: "scalingRatio", label: "Scaling", kind: "number", min: 0.1, max: 50, step: 0.1 },
  { id: "slowDown", label: "Slow down", kind: "number", min: 1, max: 50, step: 1 },
  { id: "edgeWeightInfluence", label: "Edge weight influence", kind: "number", min: 0, max: 2, step: 0.1 },
  { id: "linLogMode", label: "LinLog mode", kind: "boolean" },
  { id: "strongGravityMode", label: "Strong gravity", kind: "boolean" },
  { id: "adjustSizes", label: "Prevent overlap", kind: "boolean" },
  { id: "barnesHutOptimize", label: "Barnes–Hut (large graphs)", kind: "boolean" },
];

export const mountLayoutControls: MountPanel = (app) => {
  const root = byId("panel-layout");
  const { graph } = app;
  const saved = new Map<string, { x: number; y: number }>();
  graph.forEachNode((k, a) => saved.set(k, { x: a.x, y: a.y }));
  const settings: ForceAtlas2Settings = { ...forceAtlas2.inferSettings(graph), slowDown: 5 };
  let layout: FA2Layout | null = null;

  const button = h("button", { class: "primary", attrs: { type: "button", id: "layout-toggle", "aria-pressed": "false" }, on: { click: () => (layout?.isRunning() ? stop() : start()) } }, "▶ Run ForceAtlas2");
  const status = h("span", { class: "hint", attrs: { id: "layout-status", role: "status" } }, "stopped");
  function start() {
    layout?.kill();
    layout = new FA2Layout(graph, { settings, getEdgeWeight: "weight" });
    layout.start();
    button.textContent = "■ Stop layout";
    button.setAttribute("aria-pressed", "true");
    status.textContent = "running in a worker";
    app.status("ForceAtlas2 running");
  }
  function stop() {
    layout?.stop();
    button.textContent = "▶ Run ForceAtlas2";
    button.setAttribute("aria-pressed", "false");
    status.textContent = "stopped";
    app.status("ForceAtlas2 stopped");
  }
  const restartIfRunning = () => layout?.isRunning() && start();

  const inputs = FA2_SETTINGS.map((def) => {
    const id = `fa2-${def.id}`;
    const value = settings[def.id];
    if (def.kind === "boolean") {
      const box = h("input", { attrs: { type: "checkbox", id, checked: Boolean(value) }, on: { change: () => ((settings[def.id] = box.checked as never), restartIfRunning()) } });
      return h("label", { class: "check" }, box, ` ${def.label}`);
    }
    const input = h("input", { attrs: { type: "number", id, min: def.min, max: def.max, step: def.step, value: Number(value ?? 0) } });
    input.addEventListener("change", () => {
      const n = Number(input.value);
      if (Number.isFinite(n)) (settings[def.id] as number) = Math.min(def.max ?? n, Math.max(def.min ?? n, n));
      restartIfRunning();
    });
    return h("label", { class: "field", attrs: { for: id } }, def.label, input);
  });

  const reset = h("button", { attrs: { type: "button" }, on: { click: () => (stop(), graph.updateEachNodeAttributes((k, a) => ({ ...a, ...saved.get(k)! }), { attributes: ["x", "y"] }), app.scene.fit()) } }, "Reset positions");
  const fit = h("button", { attrs: { type: "button" }, on: { click: () => app.scene.fit() } }, "Fit to screen");
  render(root, h("h2", {}, "Layout"), h("div", { class: "row buttons" }, button, status), h("fieldset", {}, h("legend", {}, "ForceAtlas2 settings"), inputs), h("div", { class: "row buttons" }, reset, fit));
  window.addEventListener("pagehide", () => layout?.kill());
  // After a reload, "Reset positions" knows the new nodes (at the server's positions) and forgets the gone.
  app.reloaded.subscribe(() => {
    for (const k of [...saved.keys()]) if (!graph.hasNode(k)) saved.delete(k);
    graph.forEachNode((k, a) => saved.has(k) || saved.set(k, { x: a.x, y: a.y }));
  });
};
