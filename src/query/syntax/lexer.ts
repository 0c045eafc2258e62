/**
 * Lexer of the openCypher read subset: turns query text into tokens that carry
 * their line and column, so every syntax error can point at the exact spot.
 * Keywords are plain identifiers here; the parser compares them case-insensitively.
 * The lexer is incremental (`Lexer.next()`): the parser pulls tokens as it goes,
 * so input it refuses early (10,000 nested brackets stop at the nesting guard)
 * is never read to its end.
 */
import { QuerySyntaxError } from "../errors.ts";

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

// ASCII answers first; the Unicode property regexes only for other characters.
const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isIdentStart = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? isAsciiLetter(code) : /[\p{L}_]/u.test(c);
};
const isIdentPart = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? isAsciiLetter(code) || isDigitCode(code) : /[\p{L}\p{N}_]/u.test(c);
};
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || /\s/.test(c);
const isDigit = (c: string) => isDigitCode(c.charCodeAt(0));

export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(readonly text: string) {
    if (typeof text !== "string") throw new TypeError("query/lexer: expecting the query text as a string.");
  }

  /** Throws a syntax error at offset `at`; `detail` is openCypher's name for it. */
  private fail(expected: string, at = this.i, detail = "UnexpectedSyntax"): never {
    const { text } = this;
    throw new QuerySyntaxError(this.line, at - this.lineStart + 1, expected, at < text.length ? JSON.stringify(text[at]) : "end of input", detail);
  }

  /** Skips white space and comments, counting lines. */
  private skipTrivia(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === "\n") {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (isSpace(c)) {
        this.i++;
      } else if (text.startsWith("//", this.i)) {
        while (this.i < text.length && text[this.i] !== "\n") this.i++;
      } else if (text.startsWith("/*", this.i)) {
        const end = text.indexOf("*/", this.i + 2);
        if (end < 0) this.fail("the end of a /* comment */", text.length);
        for (let j = this.i; j < end; j++) if (text[j] === "\n") (this.line++, (this.lineStart = j + 1));
        this.i = end + 2;
      } else {
        return;
      }
    }
  }

  /** The next token; after the end of input, always an eof token. */
  next(): Token {
    this.skipTrivia();
    const { text } = this;
    const start = { line: this.line, column: this.i - this.lineStart + 1, offset: this.i };
    if (this.i >= text.length) return { kind: "eof", end: this.i, text: "", ...start };
    const token = this.read(start);
    token.end = this.i;
    return token;
  }

  private read(start: Pick<Token, "line" | "column" | "offset">): Token {
    const { text } = this;
    const i = this.i;
    const c = text[i]!;
    if (isDigit(c) || (c === "." && isDigit(text[i + 1] ?? ""))) {
      const raw = /^(0x[0-9a-fA-F]+|0o[0-7]+|\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))![0];
      if (isIdentPart(text[i + raw.length] ?? " ")) this.fail("a number", i + raw.length, "InvalidNumberLiteral");
      this.checkRange(raw, i);
      this.i += raw.length;
      return { kind: "number", text: raw, value: Number(raw), ...start };
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j]!)) j++;
      this.i = j;
      return { kind: "ident", text: text.slice(i, j), ...start };
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) this.fail("a closing backtick", text.length);
      for (let j = i; j < end; j++) if (text[j] === "\n") (this.line++, (this.lineStart = j + 1));
      this.i = end + 1;
      return { kind: "ident", text: text.slice(i + 1, end), quoted: true, ...start };
    }
    if (c === "'" || c === '"') return { kind: "string", text: this.readString(c), ...start };
    if (c === "$") {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j]!)) j++;
      if (j === i + 1) this.fail("a parameter name after $", j);
      this.i = j;
      return { kind: "param", text: text.slice(i + 1, j), ...start };
    }
    const p = PUNCT.find((q) => text.startsWith(q, i));
    if (!p) this.fail("a token", i, c.charCodeAt(0) < 128 ? "UnexpectedSyntax" : "InvalidUnicodeCharacter");
    this.i += p!.length;
    return { kind: "punct", text: p!, ...start };
  }

  /**
   * Integers are 64-bit in openCypher: beyond 2^63 - 1 is an error, and 2^63
   * itself is allowed only right after a minus sign (the smallest integer).
   * Floats must be finite.
   */
  private checkRange(raw: string, at: number): void {
    if (/^(0x|0o|\d+$)/.test(raw)) {
      const limit = 2n ** 63n;
      const value = BigInt(raw);
      const negated = /-\s*$/.test(this.text.slice(Math.max(0, at - 20), at));
      if (value > limit || (value === limit && !negated)) this.fail("an integer within 64 bits", at, "IntegerOverflow");
    } else if (!Number.isFinite(Number(raw))) {
      this.fail("a finite floating point number", at, "FloatingPointOverflow");
    }
  }

  /** A quoted string from its opening quote; the decoded value. */
  private readString(quote: string): string {
    const { text } = this;
    let j = this.i + 1;
    const parts: string[] = [];
    let runStart = j;
    for (;;) {
      if (j >= text.length) this.fail(`a closing ${quote}`, j);
      const d = text[j]!;
      if (d === quote) break;
      if (d === "\n") (this.line++, (this.lineStart = j + 1));
      if (d !== "\\") {
        j++;
        continue;
      }
      parts.push(text.slice(runStart, j));
      const e = text[j + 1] ?? "";
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
        parts.push(String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16)));
        j += 6;
      } else {
        if (e === "u") this.fail("\\u and four hexadecimal digits", j + 1, "InvalidUnicodeLiteral");
        if (!(e in ESCAPES)) this.fail("a valid escape sequence", j + 1);
        parts.push(ESCAPES[e]!);
        j += 2;
      }
      runStart = j;
    }
    parts.push(text.slice(runStart, j));
    this.i = j + 1;
    return parts.join("");
  }
}
