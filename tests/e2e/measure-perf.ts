/**
 * Measures the explorer in Debian's Chromium (not part of `npm test`: timings are
 * reported, not asserted). For the seed graph and a generated 10k-node/50k-edge
 * graph (bench/generate-graph.ts): time to the first drawn frame, then the frame
 * rate while the user zooms and pans with ForceAtlas2 running in its worker.
 *   npx tsx tests/e2e/measure-perf.ts [--nodes 10000 --edges 50000] [--angle]
 * --angle adds `--use-angle=swiftshader --enable-unsafe-swiftshader`: without a GPU,
 * WebGL is rasterized on the CPU either way, and these numbers mostly measure that.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateGraph } from "../../bench/generate-graph.ts";
import { saveGraph } from "../../src/graph/persist.ts";
import { launchChromium, openPage, screenshot, waitForGraph } from "./browser.ts";
import { ROOT, startExplorer } from "./server.ts";
import setup from "./global-setup.ts";

interface Measure {
  graph: string;
  nodes: number;
  edges: number;
  graphFetchMs: number;
  firstFrameMs: number;
  idleFps: number;
  interactionFps: number;
  interactionFpsWithFA2: number;
  longestFrameMsWithFA2: number;
}

/** Frames per second and the longest gap between frames over `ms`, while `act` drives the mouse. */
async function frameRate(page: import("playwright-core").Page, ms: number, act: () => Promise<void>): Promise<{ fps: number; longest: number }> {
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  const counting = page.evaluate(`new Promise((done) => {
    const start = performance.now();
    let frames = 0, last = start, longest = 0;
    const tick = (now) => {
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      if (now - start < ${ms}) requestAnimationFrame(tick);
      else done({ fps: (frames * 1000) / (now - start), longest });
    };
    requestAnimationFrame(tick);
  })`) as Promise<{ fps: number; longest: number }>;
  await act();
  return counting;
}

/** Zooms and drags over the graph for about `ms` (at least one gesture, however slow the page is). */
async function interact(page: import("playwright-core").Page, ms: number): Promise<void> {
  // The graph fills the left of the 1280×720 viewport, right of the 52px header.
  const cx = 430;
  const cy = 380;
  const end = Date.now() + ms - 200;
  for (let i = 0; i === 0 || Date.now() < end; ) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, i % 2 ? 240 : -240);
    await page.mouse.down();
    await page.mouse.move(cx + 120 * Math.sin(i), cy + 80 * Math.cos(i), { steps: 8 });
    await page.mouse.up();
    i++;
  }
}

async function measure(label: string, graphFile: string): Promise<Measure> {
  const explorer = await startExplorer(graphFile);
  const browser = await launchChromium(values.angle ? ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"] : []);
  try {
    const { page, problems } = await openPage(browser, `${explorer.url}/?panel=layout`);
    // A loaded machine without a GPU can take minutes per frame on the big graph; wait, don't fail.
    page.setDefaultTimeout(600_000);
    await waitForGraph(page, 300_000);
    const timing = (await page.evaluate(`(() => {
      const frame = performance.getEntriesByName("parley:first-frame")[0];
      const fetch = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/api/graph"));
      return { firstFrameMs: frame ? frame.startTime : NaN, graphFetchMs: fetch ? fetch.responseEnd - fetch.startTime : NaN };
    })()`)) as { firstFrameMs: number; graphFetchMs: number };
    const counts = { nodes: Number(await page.getAttribute("#graph", "data-visible-nodes")), edges: 0 };
    counts.edges = Number(((await page.textContent("#status")) ?? "").match(/([\d,]+) relations/)?.[1]?.replace(/,/g, "") ?? NaN);
    const idle = await frameRate(page, 2000, async () => {});
    const moving = await frameRate(page, 4000, () => interact(page, 4000));
    await page.click("#layout-toggle");
    await page.waitForTimeout(500);
    const withFA2 = await frameRate(page, 5000, () => interact(page, 5000));
    await screenshot(page, `perf-${label}`);
    await page.click("#layout-toggle");
    if (problems.length) console.warn(`${label}: page problems`, problems);
    return { graph: label, ...counts, ...timing, idleFps: idle.fps, interactionFps: moving.fps, interactionFpsWithFA2: withFA2.fps, longestFrameMsWithFA2: withFA2.longest };
  } finally {
    await browser.close();
    await explorer.close();
  }
}

const { values } = parseArgs({ options: { nodes: { type: "string", default: "10000" }, edges: { type: "string", default: "50000" }, angle: { type: "boolean", default: false } } });
setup();
const tmp = mkdtempSync(join(tmpdir(), "parley-perf-"));
try {
  const big = generateGraph({ nodes: Number(values.nodes), edges: Number(values.edges), seed: 42 });
  const bigFile = join(tmp, "graph.json");
  await saveGraph(big, bigFile);
  const rows = [await measure("seed", join(ROOT, "graph-data", "graph.json")), await measure(`generated-${big.order}-${big.size}`, bigFile)];
  const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);
  console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v) : v]))));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
