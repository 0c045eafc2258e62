/**
 * The one error a fetch raises. It is an IngestError (the URL is its source), so
 * the CLI and the HTTP error handler already show it; `code` says what went wrong
 * for callers that answer differently per cause (a 504 for a timeout, say).
 */
import { IngestError } from "../errors.ts";

export type FetchErrorCode =
  /** Not an absolute http(s) URL, or one with credentials, or a redirect to such. */
  | "bad_url"
  /** The host is, or resolves to, a loopback / private / link-local / reserved address. */
  | "private_address"
  /** DNS failure, connection refused or reset, TLS failure. */
  | "network"
  /** Connect + headers + body took longer than timeoutMs. */
  | "timeout"
  /** Content-Length or the streamed (decompressed) body passed maxBytes. */
  | "too_large"
  | "too_many_redirects"
  /** The server answered with a status other than 2xx (or a 304 nobody asked for). */
  | "http_status"
  /** Neither an HTML page nor an RSS / Atom feed (image/png, application/pdf, ...). */
  | "unsupported_type"
  /** A page where readability finds no article, or too little text. */
  | "not_an_article"
  /** XML that the feed parser cannot read as RSS or Atom. */
  | "invalid_feed";

export interface FetchErrorDetails {
  /** The HTTP status of the response refused, for "http_status". */
  status?: number;
  /** The Content-Type refused, for "unsupported_type". */
  contentType?: string;
}

export class FetchError extends IngestError {
  override name = "FetchError";
  readonly status?: number;
  readonly contentType?: string;
  constructor(
    readonly code: FetchErrorCode,
    /** The URL the caller asked for (the message names a redirect hop when the problem is there). */
    readonly url: string,
    reason: string,
    details: FetchErrorDetails = {},
  ) {
    super(url, reason);
    this.status = details.status;
    this.contentType = details.contentType;
  }
}
