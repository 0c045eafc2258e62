/**
 * One log line per request, written when the response is done (finished or cut
 * off): method, path, status, duration, bytes. Control characters in the URL are
 * escaped so a request cannot forge log lines. A response always emits "close"
 * (after "finish" too), so one listener is enough; this runs on every request.
 */
import type { RequestHandler } from "express";

export type Logger = (line: string) => void;

const clean = (text: string) => text.slice(0, 300).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    res.once("close", () => {
      const ms = performance.now() - start;
      const status = res.writableFinished ? res.statusCode : `${res.statusCode}(aborted)`;
      log(`${req.method} ${clean(req.originalUrl)} ${status} ${ms.toFixed(1)}ms ${res.getHeader("content-length") ?? "-"}`);
    });
    next();
  };
}
