/**
 * The real `parley` command as a child process (bin/parley.mjs under this node):
 * run a build, start `parley serve` on port 0 and learn its URL, and SIGKILL or
 * stop either. Output is always drained, so a chatty server (one log line per
 * request) never blocks on a full pipe.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { DataDir } from "./data-dir.ts";
import { codeSnapshot } from "./code-snapshot.ts";
import { TEST_WRITE_KEY } from "../server/harness.ts";

export class ParleyProcessError extends Error {
  override name = "ParleyProcessError";
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ParleyProcess {
  child: ChildProcess;
  exited: Promise<Exit>;
  /** stderr so far (errors and the build summary). */
  stderr(): string;
  /** SIGKILL unless already gone; resolves once the process is reaped. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

/** Starts `parley ARGS` from the code snapshot (see code-snapshot.ts). */
export async function runParley(args: string[]): Promise<ParleyProcess> {
  const root = await codeSnapshot();
  const child = spawn(process.execPath, [join(root, "bin/parley.mjs"), ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PARLEY_WRITE_KEY: TEST_WRITE_KEY } });
  let err = "";
  child.stderr!.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-20_000)));
  child.stdout!.resume();
  const exited = new Promise<Exit>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    stderr: () => err,
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export const buildArgs = (data: DataDir, out = data.graphFile) => ["build", "--articles", data.articlesDir, "--lexicon", data.lexiconDir, "--out", out];

/** Runs `parley build` to completion; throws unless it exits 0. */
export async function buildOnce(data: DataDir, out = data.graphFile): Promise<number> {
  const started = performance.now();
  const build = await runParley(buildArgs(data, out));
  const exit = await build.exited;
  if (exit.code !== 0) throw new ParleyProcessError(`parley build exited ${exit.code ?? exit.signal}: ${build.stderr()}`);
  return performance.now() - started;
}

/** How long the CLI takes to start (tsx and every module loaded) before any command runs: `parley --help`. */
export async function cliStartupMs(): Promise<number> {
  const started = performance.now();
  await (await runParley(["--help"])).exited;
  return performance.now() - started;
}

export interface ServerProcess extends ParleyProcess {
  /** http://127.0.0.1:PORT */
  url: string;
}

/** Starts `parley serve --port 0` on the data folder; resolves once it prints its URL. */
export async function startServe(data: DataDir, timeoutMs = 60_000): Promise<ServerProcess> {
  const web = join(data.dir, "no-web");
  const proc = await runParley(["serve", "--graph", data.graphFile, "--articles", data.articlesDir, "--lexicon", data.lexiconDir, "--web", web, "--port", "0"]);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new ParleyProcessError(`parley serve printed no URL in ${timeoutMs} ms: ${proc.stderr()}`)), timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      proc.child.stdout!.off("data", onData);
      resolve(`http://127.0.0.1:${m[1]}`);
    };
    proc.child.stdout!.on("data", onData);
    proc.exited.then((e) => {
      clearTimeout(timer);
      reject(new ParleyProcessError(`parley serve exited ${e.code ?? e.signal} before listening: ${proc.stderr()}`));
    });
  });
  return { ...proc, url };
}
