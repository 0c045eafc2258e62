/**
 * `parley` itself, spawned as a user runs it: `--version`, and the operating
 * system's refusals caused by the user's input (an output folder that does not
 * exist, a port already taken, a graph file that is a folder) end in one line
 * naming what to fix and exit code 1 — never a stack trace. The message table
 * itself (src/cli/system-errors.ts) is checked on constructed errors.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemErrorMessage, targetOf } from "../../src/cli/system-errors.ts";

const BIN = join(process.cwd(), "bin", "parley.mjs");
const dir = mkdtempSync(join(tmpdir(), "parley-cli-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parley(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** No trace anywhere; the error is the last line (serve prints the write key it generated before it tries to listen). */
const oneLine = (stderr: string) => {
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
  expect(stderr.trimEnd().split("\n").at(-1)).toMatch(/^parley: /);
};

describe("parley on the command line", () => {
  it("--version prints the package version", async () => {
    const { code, stdout } = await parley("--version");
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")).version);
  });

  it("export into a folder that does not exist names the folder", async () => {
    const out = join(dir, "missing", "graph.gexf");
    const { code, stderr } = await parley("export", "--format", "gexf", "--out", out);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`cannot write ${out}: the folder ${join(dir, "missing")} does not exist`);
  });

  it("serve on a port already taken says so and exits", async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = (taken.address() as { port: number }).port;
    // A copy of the seed corpus, so the server's store and files go to the temp folder.
    cpSync(join(process.cwd(), "graph-data", "graph.json"), join(dir, "serve", "graph.json"));
    cpSync(join(process.cwd(), "graph-data", "articles"), join(dir, "serve", "articles"), { recursive: true });
    try {
      const { code, stderr } = await parley("serve", "--port", String(port), "--quiet", "--graph", join(dir, "serve", "graph.json"), "--articles", join(dir, "serve", "articles"));
      expect(code).toBe(1);
      oneLine(stderr);
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    } finally {
      taken.close();
    }
  }, 120_000);

  it("query on a graph path that is a folder names the path", async () => {
    const { code, stderr } = await parley("query", "RETURN 1", "--graph", dir);
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(dir);
  });
});

describe("systemErrorMessage", () => {
  const sys = (code: string, extra: Record<string, unknown>) => Object.assign(new Error(`${code}: x`), { code, ...extra });
  it.each([
    [sys("ENOENT", { syscall: "open", path: "/a/b/.g.gexf.123.tmp" }), "cannot write /a/b/g.gexf: the folder /a/b does not exist"],
    [sys("ENOENT", { syscall: "open", path: "/a/b/.graph.json.123.9f3a.tmp" }), "cannot write /a/b/graph.json: the folder /a/b does not exist"],
    [sys("ENOENT", { syscall: "open", path: "/a/missing.json" }), "cannot open /a/missing.json: no such file or folder"],
    [sys("EACCES", { syscall: "open", path: "/root/x" }), "cannot open /root/x: permission denied"],
    [sys("EISDIR", { syscall: "read", path: "/tmp" }), "cannot read /tmp: is a folder, not a file"],
    [sys("EADDRINUSE", { syscall: "listen", address: "127.0.0.1", port: 3000 }), "cannot listen on 127.0.0.1:3000: the port is in use (another parley serve?); choose another with --port"],
    [sys("EACCES", { syscall: "listen", address: "0.0.0.0", port: 80 }), "cannot listen on 0.0.0.0:80: not allowed (ports below 1024 need privileges); choose another with --port"],
  ])("%s", (err, message) => expect(systemErrorMessage(err)).toBe(message));

  it("leaves everything else to the stack trace: a bug is not the user's to fix", () => {
    expect(systemErrorMessage(new TypeError("x is undefined"))).toBeNull();
    expect(systemErrorMessage(sys("ECONNRESET", { syscall: "read" }))).toBeNull();
    expect(systemErrorMessage("ENOENT")).toBeNull();
    expect(targetOf("/x/plain.json")).toBe("/x/plain.json");
  });
});
