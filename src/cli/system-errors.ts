/**
 * The operating system's refusals that a user's input causes — a missing
 * folder, a busy port, a read-only disk — as one line the user can act on,
 * instead of Node's stack trace. Anything else is a bug and keeps its trace.
 */
import { basename, dirname, join } from "node:path";

interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
}

const isSystemError = (err: unknown): err is SystemError => err instanceof Error && /^E[A-Z]+$/.test(String((err as unknown as { code?: unknown }).code));

/** Atomic writes go through `.<name>.<pid>[.<hex>].tmp` beside the target (src/export/to-file.ts, src/graph/persist.ts): name the target, not the temp file. */
export function targetOf(path: string): string {
  const m = /^\.(.+)\.\d+(?:\.[0-9a-f]+)?\.tmp$/.exec(basename(path));
  return m ? join(dirname(path), m[1]!) : path;
}

const WHAT: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "is a folder, not a file",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EEXIST: "already exists",
  EMFILE: "too many open files",
};

/** The one-line message for a system error caused by the user's input, or null when the error is not one. */
export function systemErrorMessage(err: unknown): string | null {
  if (!isSystemError(err)) return null;
  if (err.syscall === "listen" || err.code === "EADDRINUSE" || err.code === "EADDRNOTAVAIL") {
    const where = `${err.address ?? "localhost"}:${err.port ?? "?"}`;
    if (err.code === "EADDRINUSE") return `cannot listen on ${where}: the port is in use (another parley serve?); choose another with --port`;
    if (err.code === "EACCES") return `cannot listen on ${where}: not allowed (ports below 1024 need privileges); choose another with --port`;
    if (err.code === "EADDRNOTAVAIL") return `cannot listen on ${where}: the address is not one of this machine's; check --host`;
    return null;
  }
  const what = WHAT[err.code];
  if (!what || err.path === undefined) return null;
  const path = targetOf(err.path);
  const writing = err.syscall === "open" || err.syscall === "mkdir" || err.syscall === "rename" || err.syscall === "mkdtemp";
  if (err.code === "ENOENT" && writing && path !== err.path) return `cannot write ${path}: the folder ${dirname(path)} does not exist`;
  return `${err.syscall === "rename" && err.dest ? `cannot move ${targetOf(err.dest)}` : `cannot ${err.syscall ?? "open"} ${path}`}: ${what}`;
}
