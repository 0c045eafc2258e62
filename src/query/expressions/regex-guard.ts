/**
 * `=~` with a guard. JavaScript cannot interrupt a running regular expression,
 * so a catastrophic pattern (nested quantifiers such as `(a+)+`) would block
 * the process past any time limit: such patterns, very long patterns and very
 * long subjects are refused up front. Matching is whole-string, as in openCypher;
 * a leading `(?i)` (Java style, common in Cypher) turns on case-insensitivity.
 */
import { QueryRuntimeError } from "../errors.ts";

const MAX_PATTERN = 500;
const MAX_SUBJECT = 100_000;
/** A group containing a quantifier, itself quantified: the classic exponential shape. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)\s*[*+{]/;
/** A back-reference makes matching NP-hard in general. */
const BACKREFERENCE = /\\[1-9]/;

const cache = new Map<string, RegExp>();

export function compileGuarded(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  if (pattern.length > MAX_PATTERN) throw new QueryRuntimeError(`regular expression longer than ${MAX_PATTERN} characters refused by the regex guard`);
  if (NESTED_QUANTIFIER.test(pattern) || BACKREFERENCE.test(pattern)) {
    throw new QueryRuntimeError("regular expression refused by the regex guard: nested quantifiers and back-references can take exponential time");
  }
  let flags = "u";
  let body = pattern;
  if (body.startsWith("(?i)")) {
    flags += "i";
    body = body.slice(4);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${body})$`, flags);
  } catch (err) {
    throw new QueryRuntimeError(`invalid regular expression: ${(err as Error).message}`);
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, re);
  return re;
}

export function regexMatches(subject: string, pattern: string): boolean {
  if (subject.length > MAX_SUBJECT) throw new QueryRuntimeError(`=~ refused a subject longer than ${MAX_SUBJECT} characters (regex guard)`);
  return compileGuarded(pattern).test(subject);
}
