/**
 * The error every temporal function raises for input it cannot use — a
 * string that is no ISO 8601 form, a field out of range, an unknown unit —
 * named as openCypher names invalid arguments, and saying which function and
 * what it expected.
 */
import { QueryRuntimeError } from "../../errors.ts";

export const temporalError = (fn: string, message: string): QueryRuntimeError =>
  new QueryRuntimeError(`${fn}(): ${message}`).as("ArgumentError", "InvalidArgumentValue");
