// Whether the compiled CLI in dist/ may run: scripts/build-cli.mjs writes
// dist/stamp.json with the size and mtime of every file the bundle was built
// from (the sources esbuild read, tsconfig.json, the build script itself), and
// the bundle is fresh while every one of them is unchanged. One stat per input
// (~300 files, 2-10 ms here); a file edited, touched, set back to an older
// time, moved or deleted makes it stale, and bin/parley.mjs then runs the
// sources through tsx. A new file counts once something imports it — which
// edits the importer.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const DIST_DIR = "dist";
export const STAMP_FILE = "stamp.json";
export const MAIN_FILE = "main.js";

/** The stamp's record of one file: [size, mtimeMs]. */
export function fileRecord(path) {
  const s = statSync(path);
  return [s.size, s.mtimeMs];
}

/** The first input of the stamp that is no longer as it was built, or null when none changed. */
export function changedInput(root, inputs) {
  for (const [file, [size, mtimeMs]] of Object.entries(inputs)) {
    let now;
    try {
      now = statSync(join(root, file));
    } catch {
      return file;
    }
    if (now.size !== size || now.mtimeMs !== mtimeMs) return file;
  }
  return null;
}

/** Path of the compiled entry under `root` when it is there and built from the sources as they are now, else null. */
export function compiledMain(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, DIST_DIR, STAMP_FILE), "utf8"));
  } catch {
    return null;
  }
  if (!stamp || typeof stamp.inputs !== "object" || !Object.keys(stamp.inputs).length) return null;
  const main = join(root, DIST_DIR, MAIN_FILE);
  return changedInput(root, stamp.inputs) === null && existsSync(main) ? main : null;
}
