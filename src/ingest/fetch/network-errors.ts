/**
 * Errors from sockets, DNS, TLS, undici and zlib as one FetchError naming the
 * URL and what went wrong. A caller's own abort is passed through as it is.
 */
import { FetchError } from "./errors.ts";
import { BlockedAddressError } from "./guarded-agent.ts";
import type { Deadline } from "./deadline.ts";

export interface ErrorContext {
  /** The URL the caller asked for. */
  requested: string;
  /** The URL being fetched when it failed (a redirect target, or `requested`). */
  hop: string;
  deadline: Deadline;
  timeoutMs: number;
  outer?: AbortSignal;
}

const MESSAGES: Array<[RegExp, string]> = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA)$/, "the host name was not found in DNS"],
  [/^ECONNREFUSED$/, "the server refused the connection"],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, "the server closed the connection before the answer was complete"],
  [/^(EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)$/, "the server cannot be reached"],
  [/^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|ERR_OSSL|HOSTNAME_MISMATCH)/, "the TLS (https) connection failed"],
  [/^(Z_|ERR_ZLIB|ERR__ERROR)/, "the compressed body cannot be decoded"],
  [/^(UND_ERR_INFO|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|HPE_)/, "the server's answer is not valid HTTP"],
];
const TIMEOUT_CODES = /^(UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ETIMEDOUT)$/;

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export function toFetchError(err: unknown, ctx: ErrorContext): unknown {
  if (err instanceof FetchError) return err;
  if (ctx.outer?.aborted && !ctx.deadline.timedOut()) return ctx.outer.reason;
  const at = ctx.hop === ctx.requested ? "" : ` (at ${ctx.hop}, reached by redirect)`;
  const chain = causes(err);
  const blocked = chain.find((e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blocked) {
    return new FetchError("private_address", ctx.requested, `${blocked.message}${at}; only public addresses are fetched unless allowPrivate is set`);
  }
  const code = chain.map((e) => (e as { code?: unknown }).code).find((c): c is string => typeof c === "string") ?? "";
  if (ctx.deadline.timedOut() || TIMEOUT_CODES.test(code)) {
    return new FetchError("timeout", ctx.requested, `no complete answer within ${ctx.timeoutMs / 1000} s${at}`);
  }
  const known = MESSAGES.find(([pattern]) => pattern.test(code))?.[1];
  const detail = code || (err instanceof Error ? err.message : String(err));
  return new FetchError("network", ctx.requested, `${known ?? "could not be fetched"} (${detail})${at}`);
}
