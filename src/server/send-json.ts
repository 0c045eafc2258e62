/**
 * Answers with a JSON body, as res.json() would but without the work it does
 * for caching and content negotiation the API has no use for (its answers carry
 * no ETag and are never 304): res.send() parses the content type, checks
 * freshness, and copies any body of 1,000 characters or more into a Buffer that
 * Node writes as a chunk of its own after the headers. A string body goes out
 * in the same chunk as the headers. Most API answers carry evidence sentences
 * and pass 1,000 characters.
 * HEAD requests still get no body: Node drops it for them.
 */
import type { Response } from "express";

export function sendJson(res: Response, body: unknown, status = 200): void {
  sendJsonText(res, JSON.stringify(body), status);
}

/** The same for a body already serialized (console query results come from the worker as JSON text). */
export function sendJsonText(res: Response, text: string, status = 200): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
