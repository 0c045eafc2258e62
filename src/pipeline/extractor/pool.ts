/**
 * Extraction off the calling thread: a pool of worker threads, each with its
 * own lexicon and models, taking articles as they come free. A server uses one
 * thread, so the API keeps answering while an article is read; a build uses one
 * per core. Results do not depend on which thread extracted what: extraction
 * is a pure function of the article and the lexicon.
 *
 * `inProcessExtractor` does the same on the calling thread (tests, tiny corpora).
 */
import { Worker } from "node:worker_threads";
import type { Article } from "../../types.ts";
import { extractArticle, type Lexicon } from "../../extract/index.ts";
import type { StoredExtraction } from "../../store/index.ts";
import type { ExtractRequest, FromExtractor } from "./protocol.ts";

export interface Extractor {
  extract(article: Article): Promise<StoredExtraction>;
  close(): Promise<void>;
}

export class ExtractorError extends Error {
  override name = "ExtractorError";
}

interface Pending {
  article: Article;
  resolve: (e: StoredExtraction) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: { id: number; job: Pending } | null;
}

export async function createExtractorPool(options: { lexiconDir: string; threads?: number }): Promise<Extractor> {
  const threads = Math.max(1, options.threads ?? 1);
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let broken: Error | null = null;

  const failAll = (err: Error) => {
    broken ??= err;
    for (const s of slots) if (s.busy) (s.busy.job.reject(err), (s.busy = null));
    for (const job of queue.splice(0)) job.reject(err);
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      const id = nextId++;
      slot.busy = { id, job };
      slot.worker.postMessage({ id, article: job.article } satisfies ExtractRequest);
    }
  };

  const start = () =>
    new Promise<Slot>((resolve, reject) => {
      const worker = new Worker(new URL("./boot.mjs", import.meta.url), { workerData: { lexiconDir: options.lexiconDir } });
      const slot: Slot = { worker, busy: null };
      let ready = false;
      worker.on("message", (msg: FromExtractor) => {
        if ("ready" in msg) return ((ready = true), resolve(slot));
        if ("failed" in msg) return reject(new ExtractorError(`extraction worker could not start: ${msg.failed}`));
        const busy = slot.busy;
        if (!busy || busy.id !== msg.id) return;
        slot.busy = null;
        if ("json" in msg) busy.job.resolve(JSON.parse(msg.json) as StoredExtraction);
        else busy.job.reject(new ExtractorError(`extraction of article "${busy.job.article.id}" failed: ${msg.error}`));
        dispatch();
      });
      worker.on("error", (err) => (ready ? failAll(new ExtractorError(`extraction worker crashed: ${err.message}`)) : reject(err)));
      worker.on("exit", (code) => {
        if (!closed) failAll(new ExtractorError(`extraction worker exited (code ${code})`));
      });
    });

  try {
    for (const slot of await Promise.all(Array.from({ length: threads }, start))) slots.push(slot);
  } catch (err) {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }

  return {
    extract(article) {
      if (closed) return Promise.reject(new ExtractorError("the extractor is closed"));
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        queue.push({ article, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      failAll(new ExtractorError("the extractor was closed"));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export function inProcessExtractor(lexicon: Lexicon): Extractor {
  return {
    async extract(article) {
      const { mentions, relations } = extractArticle(article, lexicon);
      // The same round trip as the store and the worker: what is used is what would be read back.
      return JSON.parse(JSON.stringify({ mentions, relations })) as StoredExtraction;
    },
    async close() {},
  };
}
