/** Messages between the extractor pool (./pool.ts) and its worker threads (./thread.ts). */
import type { Article } from "../../types.ts";

export interface ExtractorInit {
  lexiconDir: string;
}

export interface ExtractRequest {
  id: number;
  article: Article;
}

export type FromExtractor = { ready: true } | { failed: string } | { id: number; json: string } | { id: number; error: string };
