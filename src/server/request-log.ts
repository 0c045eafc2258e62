/**
 * One log line per request, written when the response finishes (or the client
 * goes away): method, path, status, duration, bytes. Control characters in the
 * URL are escaped so a request cannot forge log lines.
 */
import type { RequestHandler } from "express";

export type Logger = (line: string) => void;

const clean = (text: string) => text.slice(0, 300).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const status = res.writableFinished ? res.statusCode : `${res.statusCode}(aborted)`;
      log(`${req.method} ${clean(req.originalUrl)} ${status} ${ms.toFixed(1)}ms ${res.getHeader("content-length") ?? "-"}`);
    };
    res.on("finish", finish);
    res.on("close", finish);
    next();
  };
}
