/** Default locations of the corpus, lexicon and graph file, relative to the project root. */
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DEFAULT_ARTICLES_DIR = resolve(PROJECT_ROOT, "graph-data/articles");
export const DEFAULT_LEXICON_DIR = resolve(PROJECT_ROOT, "graph-data/lexicon");
export const DEFAULT_GRAPH_FILE = resolve(PROJECT_ROOT, "graph-data/graph.json");
export { DEFAULT_MODEL_DIR } from "../nlp/model-files.ts";
/** The open treebanks the language models are trained on (see ../shared/nlp/README.md). */
export const DEFAULT_TREEBANK_DIR = resolve(PROJECT_ROOT, "../shared/nlp");
/** The gold evaluation sets and their yardstick (score.mjs): the seeds and the wide development set. */
export const DEFAULT_EVAL_DIR = resolve(PROJECT_ROOT, "../shared/eval");
