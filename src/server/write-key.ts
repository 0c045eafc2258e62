/**
 * Write access: every mutating route (articles, edits) needs the server's key
 * as `Authorization: Bearer <key>`; reads stay open. The key comes from the
 * caller (tests), from PARLEY_WRITE_KEY, or from the key file beside the graph
 * — generated there on first start with mode 0600 and printed once. Keys are
 * compared as SHA-256 digests with timingSafeEqual: equal lengths, and no time
 * difference that tells how much of a guess was right.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { HttpError } from "./http-errors.ts";

export const WRITE_KEY_ENV = "PARLEY_WRITE_KEY";

/** The key file beside a graph file (git-ignored). */
export const writeKeyFileFor = (graphFile: string) => join(dirname(graphFile), "write-key");

export interface WriteKey {
  key: string;
  /** Where it came from, for the start-up line. */
  source: "option" | "environment" | "file" | "generated";
  file: string;
}

/** The write key for a server of `graphFile`; a key file readable by others is made private again. */
export function loadWriteKey(graphFile: string, explicit?: string, env: NodeJS.ProcessEnv = process.env): WriteKey {
  const file = writeKeyFileFor(graphFile);
  if (explicit !== undefined) return { key: checked(explicit, "the writeKey option"), source: "option", file };
  const fromEnv = env[WRITE_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return { key: checked(fromEnv, WRITE_KEY_ENV), source: "environment", file };
  try {
    const key = checked(readFileSync(file, "utf8").trim(), file);
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { key, source: "file", file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const key = randomBytes(24).toString("base64url");
  // "wx": two servers starting at once never overwrite each other's key.
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  return { key, source: "generated", file };
}

function checked(key: string, where: string): string {
  if (key.length < 8) throw new Error(`${where}: a write key needs at least 8 characters`);
  if (!/^[\x21-\x7e]+$/.test(key)) throw new Error(`${where}: a write key is printable ASCII without spaces`);
  return key;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Whether a request carries the key (constant time in the key and the guess). */
export function hasWriteKey(req: Request, key: string): boolean {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header.trim());
  return !!match && timingSafeEqual(digest(match[1]!), digest(key));
}

/** 401 without the key or with a wrong one, before the body is read: nothing of the request is looked at. */
export function requireWriteKey(key: string): RequestHandler {
  return (req, res, next) => {
    if (hasWriteKey(req, key)) return next();
    res.set("WWW-Authenticate", 'Bearer realm="parley"');
    const given = req.get("authorization") !== undefined;
    next(new HttpError(401, "unauthorized", given ? "the write key is wrong" : "this route changes the graph: send the write key as Authorization: Bearer <key> (PARLEY_WRITE_KEY, or the key printed at the server's first start)"));
  };
}

export interface WriteRate {
  /** Writes per client per window (default 120). */
  limit?: number;
  /** Window length (default one minute). */
  windowMs?: number;
}

/** Writes per client address: a script gone wrong (or a key guesser) is slowed, not the readers. */
export function writeRateLimit(rate: WriteRate = {}): RequestHandler {
  const windowMs = rate.windowMs ?? 60_000;
  const limit = rate.limit ?? 120;
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, "rate_limited", `more than ${limit} writes in ${Math.round(windowMs / 1000)} s from this client; wait and retry`)),
  });
}
