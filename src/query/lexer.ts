/**
 * Lexer of the openCypher read subset: turns query text into tokens that carry
 * their line and column, so every syntax error can point at the exact spot.
 * Keywords are plain identifiers here; the parser compares them case-insensitively.
 */
import { QuerySyntaxError } from "./errors.ts";

export type TokenKind = "ident" | "number" | "string" | "param" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for strings and quoted identifiers: the decoded value). */
  text: string;
  /** Numeric value of number tokens. */
  value?: number;
  /** True for `backtick quoted` identifiers, which are never keywords. */
  quoted?: boolean;
  line: number;
  column: number;
  offset: number;
  /** Offset just past the token in the source (for projection names taken from the text). */
  end?: number;
}

/** Longest first, so `<=` wins over `<`. Arrows are assembled by the parser from `<`, `-`, `>`. */
const PUNCT = ["<>", "<=", ">=", "=~", "..", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", ";", "=", "<", ">", "-", "+", "*", "/", "%", "^", "$"];

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "\\": "\\", "'": "'", '"': '"', "`": "`" };

const isIdentStart = (c: string) => /[\p{L}_]/u.test(c);
const isIdentPart = (c: string) => /[\p{L}\p{N}_]/u.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

export function tokenize(text: string): Token[] {
  if (typeof text !== "string") throw new TypeError("query/lexer: expecting the query text as a string.");
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (expected: string, at = i): never => {
    throw new QuerySyntaxError(line, at - lineStart + 1, expected, at < text.length ? JSON.stringify(text[at]) : "end of input");
  };
  while (i < text.length) {
    const last = tokens[tokens.length - 1];
    if (last && last.end === undefined) last.end = i;
    const c = text[i];
    if (c === "\n") {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) fail("the end of a /* comment */", text.length);
      for (let j = i; j < end; j++) if (text[j] === "\n") (line++, (lineStart = j + 1));
      i = end + 2;
      continue;
    }
    const start = { line, column: i - lineStart + 1, offset: i };
    if (isDigit(c) || (c === "." && isDigit(text[i + 1] ?? ""))) {
      const m = /^(0x[0-9a-fA-F]+|\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))!;
      const raw = m[0];
      if (isIdentPart(text[i + raw.length] ?? " ")) fail("a number", i + raw.length);
      tokens.push({ kind: "number", text: raw, value: Number(raw), ...start });
      i += raw.length;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j])) j++;
      tokens.push({ kind: "ident", text: text.slice(i, j), ...start });
      i = j;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) fail("a closing backtick", text.length);
      tokens.push({ kind: "ident", text: text.slice(i + 1, end), quoted: true, ...start });
      i = end + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= text.length) fail(`a closing ${c}`, j);
        const d = text[j];
        if (d === c) break;
        if (d === "\n") (line++, (lineStart = j + 1));
        if (d === "\\") {
          const e = text[j + 1] ?? "";
          if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            value += String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          if (!(e in ESCAPES)) fail("a valid escape sequence", j + 1);
          value += ESCAPES[e];
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ kind: "string", text: value, ...start });
      i = j + 1;
      continue;
    }
    if (c === "$") {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j])) j++;
      if (j === i + 1) fail("a parameter name after $", j);
      tokens.push({ kind: "param", text: text.slice(i + 1, j), ...start });
      i = j;
      continue;
    }
    const p = PUNCT.find((q) => text.startsWith(q, i));
    if (!p) fail("a token");
    tokens.push({ kind: "punct", text: p!, ...start });
    i += p!.length;
  }
  const last = tokens[tokens.length - 1];
  if (last && last.end === undefined) last.end = i;
  tokens.push({ kind: "eof", end: i, text: "", line, column: i - lineStart + 1, offset: i });
  return tokens;
}
