/** A real server over a graph file in a temp folder, for the export API tests. */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer } from "../../src/server/index.ts";

const LEXICON = fileURLToPath(new URL("../../graph-data/lexicon", import.meta.url));

export interface ExportServer {
  dir: string;
  server: RunningServer;
  close(): Promise<void>;
}

/** `writeGraph` puts the graph file at the path it is given before the server starts. */
export async function startExportServer(prefix: string, writeGraph: (file: string) => Promise<unknown>): Promise<ExportServer> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(dir, "articles"));
  await writeGraph(join(dir, "graph.json"));
  const server = await startServer({
    graphFile: join(dir, "graph.json"),
    articlesDir: join(dir, "articles"),
    lexiconDir: LEXICON,
    webDir: join(dir, "no-web"),
    port: 0,
    log: () => {},
    requestLog: false,
    queryWorker: false,
    extractor: "in-process",
  });
  return {
    dir,
    server,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
