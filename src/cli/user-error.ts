/** An error caused by the user's input (bad flag, unreadable file): printed without a stack trace. */
export class UserError extends Error {
  override name = "UserError";
}
