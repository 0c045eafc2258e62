/**
 * Answers with a JSON body in one socket write. Express's res.json() turns any
 * body of 1,000 characters or more into a Buffer to measure it, and Node then
 * writes the headers and that Buffer as two chunks (a corked writev, uncorked on
 * the next tick); a string body is sent in the same write as the headers. Most
 * API answers carry evidence sentences and pass 1,000 characters, so this was a
 * tenth of the server's time under load (bench: /api/path).
 * HEAD requests still get no body: Node drops it for them.
 */
import type { Response } from "express";

export function sendJson(res: Response, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
