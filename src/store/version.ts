/**
 * The extractor version an extraction was made with: one hash over what decides
 * it besides the article itself — the lexicon files, the language models and
 * the extraction code (src/extract, src/nlp, the ontology). Any change to one of
 * them re-extracts; nothing else does. The parts are kept apart so a build can
 * say which one changed.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export interface ExtractorVersion {
  /** What the extraction cache is keyed by. */
  key: string;
  parts: { lexicon: string; models: string; code: string };
}

const SRC_DIR = fileURLToPath(new URL("../", import.meta.url));
const MODEL_DIR = fileURLToPath(new URL("../../graph-data/models/", import.meta.url));
/** The code an extraction depends on; ingest is not here because the article's own hash covers what it produced. */
const CODE_PATHS = ["extract", "nlp", "ontology.ts", "types.ts"];

function filesUnder(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith("."))
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Hash of the names and contents of the files under `roots`, names taken relative to `base` so a moved checkout hashes the same. */
function hashFiles(base: string, roots: string[]): string {
  const hash = createHash("sha256");
  for (const file of roots.flatMap(filesUnder)) {
    hash.update(relative(base, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

export function extractorVersion(lexiconDir: string, modelDir = MODEL_DIR): ExtractorVersion {
  const parts = {
    lexicon: hashFiles(lexiconDir, [lexiconDir]),
    models: hashFiles(modelDir, [modelDir]),
    code: hashFiles(SRC_DIR, CODE_PATHS.map((p) => join(SRC_DIR, p))),
  };
  const key = createHash("sha256").update(`${parts.lexicon}:${parts.models}:${parts.code}`).digest("hex").slice(0, 16);
  return { key, parts };
}

/** Which parts differ, in words: "the lexicon and the models". */
export function describeVersionChange(before: ExtractorVersion["parts"], after: ExtractorVersion["parts"]): string {
  const names = { lexicon: "the lexicon", models: "the language models", code: "the extraction code" } as const;
  const changed = (Object.keys(names) as Array<keyof typeof names>).filter((k) => before[k] !== after[k]).map((k) => names[k]);
  return changed.length ? changed.join(" and ") : "nothing";
}
