/**
 * Errors the HTTP layer raises itself (bad request shape, unknown resource, wrong
 * content type). Each carries its status and a stable machine-readable code; the
 * error handler turns them into `{error: {code, message, ...details}}`.
 */
export class HttpError extends Error {
  override name = "HttpError";
  expose = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class RequestValidationError extends HttpError {
  override name = "RequestValidationError";
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(400, "invalid_request", message, details);
  }
}

export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(404, "not_found", message, details);
  }
}
