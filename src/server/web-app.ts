/**
 * Serves the built web app (web/dist) at `/`: hashed assets with a long cache,
 * and index.html for every other GET that is not an API call and does not name
 * a file (client-side routes). Requests whose path climbs out with `..`
 * (encoded or not) are refused before any file is looked up.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express, { Router } from "express";
import { HttpError, NotFoundError } from "./http-errors.ts";

function assertSafePath(path: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new HttpError(400, "bad_path", "request path is not valid percent-encoding");
  }
  if (decoded.includes("\0") || /(^|[\\/])\.\.([\\/]|$)/.test(decoded)) throw new HttpError(400, "bad_path", "request path may not contain '..' segments");
}

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Parley</title>
<h1>Parley</h1><p>The API is running under <code>/api</code>, but the web app has not been built.
Run <code>npx vite build</code> (or <code>npm start</code>) and reload.</p>`;

export function webApp(webDir: string | undefined): Router {
  const router = Router();
  router.use((req, _res, next) => (assertSafePath(req.path), next()));
  const root = webDir ? resolve(webDir) : undefined;
  const index = root ? join(root, "index.html") : undefined;
  if (root && existsSync(root)) {
    router.use(
      express.static(root, {
        index: false,
        dotfiles: "ignore",
        setHeaders(res, file) {
          res.setHeader("Cache-Control", file.includes(`${join(root, "assets")}`) ? "public, max-age=31536000, immutable" : "no-cache");
        },
      }),
    );
  }
  router.get(/.*/, (req, res, next) => {
    if (req.path === "/api" || req.path.startsWith("/api/")) return next();
    // A missing file stays a 404; only extension-less paths are client-side routes.
    if (/\.[A-Za-z0-9]+$/.test(req.path)) return next(new NotFoundError(`no such file: ${req.path}`));
    if (!index || !existsSync(index)) return res.status(503).type("html").send(NOT_BUILT_PAGE);
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
