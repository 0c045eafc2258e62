/**
 * The explorer in Debian's Chromium with software GL (the project's flags,
 * `--disable-gpu`): time to the first drawn frame, then the frame rate while
 * the user pans and zooms. Used by the bench task "explorer" and runnable alone:
 *   npx tsx bench/explorer-frames.ts [--nodes 10000 --edges 50000] [--query "?render=baseline"]
 *
 * The gesture is driven from inside the page, one input event per animation
 * frame (as Chromium delivers coalesced mouse input): a drag in circles over
 * the graph, then wheel notches in and out every 120 ms. A frame the page cannot finish in
 * time delays the next animation frame, so frames counted over the gesture's
 * wall time are the frame rate a user gets. Driving it from outside (Playwright's
 * mouse) would time the driver's round trips as well.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { generateGraph } from "./generate-graph.ts";
import { saveGraph } from "../src/graph/persist.ts";
import { launchChromium, openPage, waitForGraph } from "../tests/e2e/browser.ts";
import { startExplorer } from "../tests/e2e/server.ts";
import buildWebApp from "../tests/e2e/global-setup.ts";

export interface FrameFigures {
  /** From navigation start to the first frame sigma drew (graph fetched, parsed, indexed, drawn; panels mounted). */
  firstFrameMs: number;
  /** Steps before it, from navigation start: /api/graph parsed, graph imported and styled, sigma's first draw issued, panels mounted. */
  graphFetchedMs: number;
  graphImportedMs: number;
  sceneDrawnMs: number;
  panelsMountedMs: number;
  /** Animation frames per second over the scripted pan (drag) and zoom (wheel). */
  panZoomFps: number;
  panFps: number;
  zoomFps: number;
  /** The 95th percentile and the longest time between two frames during the gesture. */
  frameP95Ms: number;
  longestFrameMs: number;
  frames: number;
}

/** In the page, as a string: tsx's helpers do not exist there. `ms` split between a drag and wheel zooms. */
const GESTURE = (ms: number) => `new Promise((done) => {
  const mouse = document.querySelector("#graph .sigma-mouse");
  if (!mouse) throw new Error("no sigma mouse layer under #graph");
  const box = mouse.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  const at = (x, y) => ({ clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0 });
  const deltas = [];
  let start = null, last = 0, panFrames = 0, zoomFrames = 0, dragging = false, wheels = 0;
  const tick = (now) => {
    if (start === null) {
      start = last = now;
      mouse.dispatchEvent(new MouseEvent("mousemove", at(cx, cy)));
      mouse.dispatchEvent(new MouseEvent("mousedown", at(cx, cy)));
      dragging = true;
      return requestAnimationFrame(tick);
    }
    deltas.push(now - last);
    last = now;
    const t = now - start;
    if (t < ${ms / 2}) {
      panFrames++;
      const a = t / 250;
      document.dispatchEvent(new MouseEvent("mousemove", at(cx + 160 * Math.sin(a), cy + 110 * Math.cos(a))));
    } else {
      if (dragging) (document.dispatchEvent(new MouseEvent("mouseup", at(cx, cy))), (dragging = false));
      zoomFrames++;
      // A wheel notch every 120 ms, alternately in and out (sigma animates each for 250 ms, so the zoom never rests).
      const due = Math.floor((t - ${ms / 2}) / 120) + 1;
      while (wheels < due) mouse.dispatchEvent(new WheelEvent("wheel", { ...at(cx + 40, cy - 30), deltaY: wheels++ % 2 ? 200 : -200 }));
    }
    if (t < ${ms}) return requestAnimationFrame(tick);
    const sorted = deltas.slice().sort((a, b) => a - b);
    done({ frames: deltas.length, elapsed: t, panFrames, zoomFrames, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, longest: sorted[sorted.length - 1] ?? 0 });
  };
  requestAnimationFrame(tick);
})`;

interface GestureResult {
  frames: number;
  elapsed: number;
  panFrames: number;
  zoomFrames: number;
  p95: number;
  longest: number;
}

async function gesture(page: Page, ms: number): Promise<GestureResult> {
  return (await page.evaluate(GESTURE(ms))) as GestureResult;
}

/**
 * One page load of the explorer on `graphFile`, with `query` appended to its URL
 * (`?render=baseline` for the previous rendering): first frame, then the gesture.
 */
export async function measureExplorer(graphFile: string, query = "", gestureMs = 6000): Promise<FrameFigures> {
  buildWebApp();
  const explorer = await startExplorer(graphFile);
  // The server's own start-up work (it extracts the seed articles it is given into its store) is done before the
  // page loads, so the first frame and the frames after are the page's alone, not a contest for the two cores.
  await explorer.server.state.live.idle();
  const browser = await launchChromium();
  try {
    const { page, problems } = await openPage(browser, `${explorer.url}/${query}`);
    // Without a GPU a loaded machine can take long over the first frame of a big graph: wait, don't fail.
    page.setDefaultTimeout(600_000);
    await waitForGraph(page, 600_000);
    const marks = (await page.evaluate(`Object.fromEntries(["graph-fetched", "graph-imported", "scene-drawn", "panels-mounted", "first-frame"].map((m) => [m, performance.getEntriesByName("parley:" + m)[0]?.startTime ?? NaN]))`)) as Record<string, number>;
    const firstFrameMs = marks["first-frame"]!;
    // Settle: whatever the first frame scheduled (label grid, panels) runs before the gesture.
    await page.evaluate(`new Promise((r) => setTimeout(r, 1000))`);
    const g = await gesture(page, gestureMs);
    if (problems.length) throw new Error(`explorer page problems: ${problems.join("; ")}`);
    const half = g.elapsed / 2;
    return {
      firstFrameMs,
      graphFetchedMs: marks["graph-fetched"]!,
      graphImportedMs: marks["graph-imported"]!,
      sceneDrawnMs: marks["scene-drawn"]!,
      panelsMountedMs: marks["panels-mounted"]!,
      panZoomFps: (g.frames * 1000) / g.elapsed,
      panFps: (g.panFrames * 1000) / half,
      zoomFps: (g.zoomFrames * 1000) / (g.elapsed - half),
      frameP95Ms: g.p95,
      longestFrameMs: g.longest,
      frames: g.frames,
    };
  } finally {
    await browser.close();
    await explorer.close();
  }
}

/** A generated graph of the bench's shape (bench/generate-graph.ts) saved where the explorer can serve it. */
export async function generatedGraphFile(dir: string, nodes: number, edges: number, seed: number): Promise<string> {
  const file = join(dir, `explorer-${nodes}-${edges}.json`);
  await saveGraph(generateGraph({ nodes, edges, seed }), file);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { nodes: { type: "string", default: "10000" }, edges: { type: "string", default: "50000" }, query: { type: "string", default: "" }, ms: { type: "string", default: "6000" } } });
  const dir = mkdtempSync(join(tmpdir(), "parley-frames-"));
  try {
    const file = await generatedGraphFile(dir, Number(values.nodes), Number(values.edges), 42);
    const r = await measureExplorer(file, values.query, Number(values.ms));
    console.log(JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
