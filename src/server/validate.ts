/**
 * Request validation: one zod schema per route gives both the check and the type.
 * A failure becomes a 400 naming the first offending field.
 */
import type { z } from "zod";
import { RequestValidationError } from "./http-errors.ts";

export type RequestPart = "query" | "body" | "params";

export function validate<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? `${part}.${issue.path.map(String).join(".")}` : part;
  throw new RequestValidationError(`${field}: ${issue.message}`, { field });
}
