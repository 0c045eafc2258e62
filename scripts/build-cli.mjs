#!/usr/bin/env node
// Compiles the CLI into dist/ (git-ignored) so `parley` starts without
// compiling TypeScript: esbuild bundles src/cli/main.ts and the worker threads'
// modules as ESM with code splitting (each command's lazy import() stays a
// chunk of its own), packages from node_modules left to Node (native modules
// and package assets resolve as from the sources), source maps beside each
// file. Run by `npm install` / `npm ci` (prepare) and `npm run build`;
// bin/parley.mjs runs dist/ only while dist/stamp.json matches the sources.
//
// Paths the sources take from import.meta.url (the project root, the models,
// a worker's boot file) are rewritten so every output file, all of them flat
// in dist/, computes what its source computed: `import.meta.url` of a source
// becomes that source's own URL, and a worker's boot.mjs (which registers tsx)
// becomes the worker's compiled entry.
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST_DIR, STAMP_FILE, fileRecord } from "../bin/compiled.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join("/");

/**
 * Worker threads: the boot file a source starts its Worker on, and the thread module it loads. The bundle starts
 * dist/<name>.js instead, which turns source maps on in that thread (a worker does not inherit them) and then
 * loads the compiled thread, dist/<name>-thread.js — as boot.mjs registers tsx, then loads thread.ts.
 */
const WORKERS = [
  { name: "query-worker", boot: "src/server/query-worker/boot.mjs", thread: "src/server/query-worker/thread.ts" },
  { name: "layout-worker", boot: "src/graph/layout-worker/boot.mjs", thread: "src/graph/layout-worker/thread.ts" },
  { name: "snapshot-worker", boot: "src/graph/snapshot-worker/boot.mjs", thread: "src/graph/snapshot-worker/thread.ts" },
  { name: "extract-worker", boot: "src/pipeline/extractor/boot.mjs", thread: "src/pipeline/extractor/thread.ts" },
];
const ENTRIES = { main: "src/cli/main.ts", ...Object.fromEntries(WORKERS.map((w) => [`${w.name}-thread`, w.thread])) };
/** Files that decide the output without being bundled. */
const BUILD_FILES = [SELF, "tsconfig.json"];

const LOADERS = { ".ts": "ts", ".mts": "ts", ".js": "js", ".mjs": "js", ".json": "json" };
const URL_CALL = /new URL\(\s*(["'])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const CHUNK_URL = "__PARLEY_CHUNK_URL__";
const SOURCE_URL = "__parleySourceUrl";

const posix = (path) => path.split(sep).join("/");

/** `import.meta.url` of `file` as its source's, and worker boot files as compiled worker entries. */
function rewriteUrls(file, text) {
  const rel = posix(relative(ROOT, file));
  if (!text.includes("import.meta.url")) return text;
  const out = text.replace(URL_CALL, (call, _quote, spec) => {
    const target = posix(relative(ROOT, resolve(dirname(file), spec)));
    const worker = WORKERS.find((w) => w.boot === target);
    if (worker) return `new URL("./${worker.name}.js", ${CHUNK_URL})`;
    if (target.startsWith("src/") && /\.(m?js|ts)$/.test(target)) {
      throw new Error(`${rel}: new URL("${spec}", import.meta.url) names a module the bundle does not build; add its worker to WORKERS in ${SELF}`);
    }
    return call;
  });
  // Appended after the last line, so the source map's lines stay the source's; a function, so it is hoisted.
  const own = `../${rel.split("/").map(encodeURIComponent).join("/")}`;
  return `${out.replaceAll("import.meta.url", `${SOURCE_URL}()`).replaceAll(CHUNK_URL, "import.meta.url")}\nfunction ${SOURCE_URL}() { return new URL(${JSON.stringify(own)}, import.meta.url).href; }\n`;
}

/** Loads the project's own files: each is stat'ed before it is read (the stamp's record), then its URLs rewritten. */
function projectFiles(records) {
  return {
    name: "parley-project-files",
    setup(b) {
      b.onLoad({ filter: /\.(m?ts|m?js|json)$/ }, (args) => {
        if (args.path.split(sep).includes("node_modules")) return undefined;
        records[posix(relative(ROOT, args.path))] = fileRecord(args.path);
        const text = readFileSync(args.path, "utf8");
        return { contents: rewriteUrls(args.path, text), loader: LOADERS[extname(args.path)] };
      });
    },
  };
}

function workerEntry(dist, worker) {
  const text = `// Entry of the ${worker.name} thread (built by ${SELF}): source maps on in this thread, then the compiled ${worker.thread}.\nprocess.setSourceMapsEnabled(true);\nawait import("./${worker.name}-thread.js");\n`;
  return { path: join(dist, `${worker.name}.js`), contents: Buffer.from(text) };
}

/**
 * Writes the build's files into `dist` through temporary names (a starting `parley` never reads half a file):
 * chunks, then the entries that import them, then the worker entries; then drops the previous build's leftovers.
 */
function install(dist, files) {
  mkdirSync(dist, { recursive: true });
  const entries = new Set(Object.keys(ENTRIES).map((name) => `${name}.js`));
  const workers = new Set(WORKERS.map((w) => `${w.name}.js`));
  const rank = (file) => (workers.has(basename(file.path)) ? 2 : entries.has(basename(file.path)) ? 1 : 0);
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
  for (const file of ordered) {
    const tmp = join(dist, `.${basename(file.path)}.${process.pid}`);
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  const kept = new Set(files.map((f) => basename(f.path)));
  // Dot files are another build's, still being written.
  for (const name of readdirSync(dist)) if (!kept.has(name) && name !== STAMP_FILE && !name.startsWith(".")) rmSync(join(dist, name), { force: true, recursive: true });
}

export async function buildCli({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const started = performance.now();
  const dist = join(ROOT, DIST_DIR);
  const records = Object.fromEntries(BUILD_FILES.map((f) => [f, fileRecord(join(ROOT, f))]));
  // The stamp goes first: a bundle without one is never run, whatever happens between here and the end.
  rmSync(join(dist, STAMP_FILE), { force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: dist,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "warning",
    plugins: [projectFiles(records)],
  });
  const files = [...result.outputFiles, ...WORKERS.map((w) => workerEntry(dist, w))];
  install(dist, files);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.split("/").includes("node_modules"));
  for (const f of inputs) records[f] ??= fileRecord(join(ROOT, f));
  const stamp = { built: new Date().toISOString(), inputs: Object.fromEntries(Object.entries(records).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(join(dist, `.${STAMP_FILE}.${process.pid}`), JSON.stringify(stamp));
  renameSync(join(dist, `.${STAMP_FILE}.${process.pid}`), join(dist, STAMP_FILE));
  const bytes = result.outputFiles.filter((f) => f.path.endsWith(".js")).reduce((n, f) => n + f.contents.length, 0);
  log(`build-cli: ${inputs.length} sources → ${DIST_DIR}/ (${files.length} files, ${(bytes / 1024).toFixed(0)} kB of JavaScript) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return stamp;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
  } catch (err) {
    // esbuild has printed the errors with their file and line.
    process.stderr.write(`build-cli: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exitCode = 1;
  }
}
