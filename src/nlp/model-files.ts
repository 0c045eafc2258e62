/**
 * Where the language models live: the default folder (graph-data/models/) and
 * the file of each model in it. Apart from ./pipeline.ts so a command line that
 * only names the folder does not load the language layer.
 */
import { fileURLToPath } from "node:url";

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL("../../graph-data/models/", import.meta.url));
export const MODEL_FILES = { tagger: "tagger.bin", parser: "parser.bin", names: "names.bin" } as const;
