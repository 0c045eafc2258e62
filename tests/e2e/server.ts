/**
 * The real Parley server for end-to-end tests, started on a temporary copy of
 * graph-data (articles, lexicon, graph.json) so tests that post articles never
 * touch the repository's data, and serving the built web app from web/dist.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../../src/server/index.ts";

export const ROOT = process.cwd();
export const WEB_DIST = join(ROOT, "web", "dist");
/** The write key of every end-to-end server (mutating routes need it). */
export const E2E_WRITE_KEY = "e2e-write-key";
export const WRITE_HEADERS = { "content-type": "application/json", authorization: `Bearer ${E2E_WRITE_KEY}` };

export interface Explorer {
  url: string;
  server: RunningServer;
  dataDir: string;
  close(): Promise<void>;
}

export async function startExplorer(graphFile = join(ROOT, "graph-data", "graph.json"), dataDirToReuse?: string): Promise<Explorer> {
  if (!existsSync(graphFile)) throw new Error(`e2e: no graph file at ${graphFile}; build it with \`npx parley build\` first.`);
  if (!existsSync(join(WEB_DIST, "index.html"))) throw new Error("e2e: web/dist is missing; the globalSetup (tests/e2e/global-setup.ts) should have built it.");
  // A data dir given back (a restart in a test) is served as it was left: store, edits and all.
  const dataDir = dataDirToReuse ?? mkdtempSync(join(tmpdir(), "parley-e2e-"));
  if (!dataDirToReuse) {
    cpSync(join(ROOT, "graph-data", "articles"), join(dataDir, "articles"), { recursive: true });
    cpSync(join(ROOT, "graph-data", "lexicon"), join(dataDir, "lexicon"), { recursive: true });
    cpSync(graphFile, join(dataDir, "graph.json"));
  }
  const server = await startServer({
    graphFile: join(dataDir, "graph.json"),
    articlesDir: join(dataDir, "articles"),
    lexiconDir: join(dataDir, "lexicon"),
    webDir: WEB_DIST,
    port: 0,
    log: () => {},
    writeKey: E2E_WRITE_KEY,
  });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    server,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
