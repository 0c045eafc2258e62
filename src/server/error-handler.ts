/**
 * The one error handler: maps error classes to statuses and codes through a
 * declarative table, answers `{error: {code, message, ...details}}`, and never
 * sends a stack trace or a file path. Unexpected errors are logged server-side
 * and answered with a generic 500.
 */
import type { ErrorRequestHandler } from "express";
import { HttpError } from "./http-errors.ts";
import { QueryError, QueryGuardError, QuerySemanticError, QuerySyntaxError, UnknownNameError } from "../query/index.ts";
import { IngestError } from "../ingest/index.ts";
import { FetchError, type FetchErrorCode } from "../ingest/fetch/index.ts";
import { DuplicateArticleError, EditInputError, EditNotApplicableError } from "../pipeline/index.ts";
import { UnknownFormatError } from "../export/index.ts";
import { sendJson } from "./send-json.ts";

interface ErrorMapping {
  is: (err: unknown) => boolean;
  status: (err: any) => number;
  code: (err: any) => string;
  details?: (err: any) => Record<string, unknown>;
}

/** openCypher's name for a query error, where it has one: `{class: "SyntaxError", detail: "UndefinedVariable"}`. */
const cypherName = (e: QueryError) => (e.cypher ? { class: e.cypher.class, detail: e.cypher.detail } : {});

/** body-parser's errors carry a `type`; only these are the client's fault. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  "entity.too.large": { status: 413, code: "payload_too_large", message: "request body is larger than the limit" },
  "entity.parse.failed": { status: 400, code: "invalid_json", message: "request body is not valid JSON" },
  "encoding.unsupported": { status: 415, code: "unsupported_encoding", message: "request body encoding is not supported" },
  "charset.unsupported": { status: 415, code: "unsupported_charset", message: "request body charset is not supported" },
  "request.aborted": { status: 400, code: "request_aborted", message: "request was aborted" },
};

/** A fetch refused or failed: the client's address (4xx) or the remote site (502/504). */
const FETCH_STATUS: Record<FetchErrorCode, number> = {
  bad_url: 400,
  private_address: 403,
  unsupported_type: 415,
  too_large: 413,
  not_an_article: 422,
  invalid_feed: 422,
  timeout: 504,
  network: 502,
  http_status: 502,
  too_many_redirects: 502,
};

const MAPPINGS: readonly ErrorMapping[] = [
  { is: (e) => e instanceof HttpError, status: (e) => e.status, code: (e) => e.code, details: (e) => e.details },
  { is: (e) => e instanceof QuerySyntaxError, status: () => 400, code: () => "syntax_error", details: (e) => ({ line: e.line, column: e.column, expected: e.expected, ...cypherName(e) }) },
  { is: (e) => e instanceof QuerySemanticError, status: () => 400, code: (e) => e.code, details: (e) => ({ ...(e.line === undefined ? {} : { line: e.line, column: e.column }), ...cypherName(e) }) },
  { is: (e) => e instanceof QueryGuardError, status: (e) => (e.guard === "time" ? 408 : 422), code: () => "query_guard", details: (e) => ({ guard: e.guard, limit: e.limit }) },
  { is: (e) => e instanceof UnknownNameError, status: () => 404, code: () => "unknown_name", details: (e) => ({ name: e.name, suggestions: e.suggestions }) },
  { is: (e) => e instanceof QueryError, status: () => 400, code: (e) => e.code ?? "query_error", details: cypherName },
  // Before IngestError, which it extends: a repeat is a conflict with what is stored, not a bad article.
  { is: (e) => e instanceof DuplicateArticleError, status: () => 409, code: () => "duplicate_article", details: (e) => ({ existing: e.existing, by: e.by }) },
  { is: (e) => e instanceof FetchError, status: (e) => FETCH_STATUS[e.code as FetchErrorCode] ?? 502, code: (e) => e.code, details: (e) => ({ url: e.url, ...(e.status ? { status: e.status } : {}), ...(e.contentType ? { contentType: e.contentType } : {}) }) },
  { is: (e) => e instanceof IngestError, status: () => 400, code: () => "invalid_article", details: (e) => ({ source: e.source, reason: e.reason }) },
  { is: (e) => e instanceof EditInputError, status: () => 400, code: () => "invalid_edit", details: (e) => ({ field: e.field }) },
  { is: (e) => e instanceof EditNotApplicableError, status: () => 422, code: () => "edit_not_applicable" },
  { is: (e) => e instanceof UnknownFormatError, status: () => 400, code: () => "unknown_format", details: (e) => ({ format: e.format }) },
  // Express's own client errors (e.g. a route parameter that is not valid percent-encoding).
  { is: (e: any) => Number.isInteger(e?.status) && e.status >= 400 && e.status < 500, status: (e) => e.status, code: () => "bad_request" },
];

export function createErrorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const bodyError = typeof err?.type === "string" ? BODY_ERRORS[err.type] : undefined;
    const mapping = MAPPINGS.find((m) => m.is(err));
    let status = 500;
    let body: Record<string, unknown> = { code: "internal_error", message: "internal server error" };
    if (bodyError) {
      status = bodyError.status;
      body = { code: bodyError.code, message: bodyError.message };
    } else if (mapping) {
      status = mapping.status(err);
      const message = err.expose === false ? "bad request" : String(err.message);
      body = { code: mapping.code(err), message, ...(mapping.details?.(err) ?? {}) };
    } else {
      log(`error: ${err?.stack ?? err}`);
    }
    // A streamed response (an export) cannot change its status any more: cut it.
    if (res.headersSent) return void res.destroy();
    sendJson(res, { error: body }, status);
  };
}
