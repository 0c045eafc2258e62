/**
 * Inside an extraction worker: loads the lexicon (and, on first use, the
 * language models) once, says "ready", then extracts one article per message
 * and answers with the extraction as JSON text — the form the store keeps — so
 * nothing but a string crosses back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadLexicon, extractArticle } from "../../extract/index.ts";
import { languageModels } from "../../nlp/pipeline.ts";
import type { ExtractRequest, ExtractorInit } from "./protocol.ts";

const port = parentPort;
if (!port) throw new Error("pipeline/extractor/thread: expecting to run in a worker thread.");
const init = workerData as ExtractorInit;

try {
  const lexicon = loadLexicon(init.lexiconDir);
  // Loaded now rather than on the first article, so the first ingest is as quick as the next ones.
  languageModels();
  port.on("message", (msg: ExtractRequest) => {
    try {
      const { mentions, relations } = extractArticle(msg.article, lexicon);
      port.postMessage({ id: msg.id, json: JSON.stringify({ mentions, relations }) });
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ failed: err instanceof Error ? err.message : String(err) });
}
