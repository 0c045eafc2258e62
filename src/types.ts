/**
 * Types shared by every stage of the flow (ingest → extract → graph → query / export → server → web).
 * Stages exchange these shapes and nothing else; none imports another stage's internals.
 */

export type NodeType = "actor" | "organization" | "proposal" | "location";

export const NODE_TYPES: readonly NodeType[] = ["actor", "organization", "proposal", "location"];

/** One article after ingest: clean text split into sentences. */
export interface Article {
  /** Stable id: the manifest/file name without extension ("000_6a1f25270c984aca"). */
  id: string;
  title: string;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  published: string | null;
  url: string | null;
  /** File the article was read from, relative to the articles folder. */
  file: string;
  /** People credited in bylines / "contributed reporting" lines: metadata, never entities. */
  credits: string[];
  /** Cleaned body text (furniture removed, quotes, dashes and whitespace normalized). */
  text: string;
  sentences: Sentence[];
}

export interface Sentence {
  /** 0-based index of the sentence within its article. */
  index: number;
  text: string;
  /** Character offset of the sentence in Article.text. */
  start: number;
}

/** Evidence for an edge: the article, the whole sentence, the cue span and the rule that fired. */
export interface Evidence {
  article: string;
  sentence: string;
  quote: string;
  rule: string;
  /** Sentence index within the article, so the reader can scroll to it. */
  sentenceIndex: number;
}

/** Node attributes of graph-data/graph.json (see DESIGN.md, "The graph file"). */
export interface NodeAttributes {
  label: string;
  type: NodeType;
  aliases: string[];
  mentions: number;
  articles: string[];
  x: number;
  y: number;
  size: number;
  color: string;
}

/** Edge attributes of graph-data/graph.json. */
export interface EdgeAttributes {
  type: string;
  label: string;
  weight: number;
  evidence: Evidence[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Graph-level attributes: the articles the graph was built from. */
export interface GraphAttributes {
  name: string;
  articles: ArticleMeta[];
}

export type ArticleMeta = Pick<Article, "id" | "title" | "outlet" | "published" | "url" | "file" | "credits"> & {
  sentences: number;
  words: number;
};
