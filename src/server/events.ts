/**
 * Server-sent events (GET /api/events): open pages learn of new articles and
 * edits without a reload. Each client is a kept-open response; an event is
 * written to all of them; a comment every 25 s keeps proxies from closing idle
 * streams; close() ends every stream so the server can shut down.
 */
import type { Request, Response } from "express";

const PING_MS = 25_000;

export class EventHub {
  private readonly clients = new Set<Response>();
  private readonly ping: NodeJS.Timeout;
  private closed = false;

  constructor() {
    this.ping = setInterval(() => this.write(": ping\n\n"), PING_MS);
    this.ping.unref();
  }

  /** Keeps the response open as an event stream until the client leaves. */
  subscribe(req: Request, res: Response): void {
    if (this.closed) return void res.status(503).end();
    res.status(200).set({ "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    res.flushHeaders();
    // Reconnect after 3 s if the stream drops (EventSource does so itself).
    res.write("retry: 3000\n\n");
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
  }

  publish(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.ping);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
