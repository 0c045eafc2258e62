/**
 * Cursor over the lexer's tokens for the recursive-descent parser: lookahead,
 * keyword matching (case-insensitive), "expected …" errors at the current token,
 * and a nesting-depth guard so 10,000 nested parentheses give a syntax error
 * instead of overflowing the JavaScript stack. Tokens are lexed on demand, so
 * the parser's first error ends the work (a refused 10,000-level query costs
 * its first 200 levels, not its whole length).
 */
import { QuerySyntaxError } from "../errors.ts";
import { Lexer, type Token } from "./lexer.ts";

/** Deep enough for any hand-written query, far below what the JS stack can take. */
export const MAX_NESTING = 200;

export class TokenStream {
  /** Tokens lexed so far; the last one is eof once the input is exhausted. */
  private readonly tokens: Token[] = [];
  private readonly lexer: Lexer;
  pos = 0;
  private depth = 0;

  constructor(readonly source: string) {
    this.lexer = new Lexer(source);
  }

  /** Token `index`, lexing up to it (or to eof) first. */
  private at(index: number): Token {
    const { tokens } = this;
    while (tokens.length <= index && tokens[tokens.length - 1]?.kind !== "eof") tokens.push(this.lexer.next());
    return tokens[Math.min(index, tokens.length - 1)]!;
  }

  peek(ahead = 0): Token {
    return this.at(this.pos + ahead);
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.pos++;
    return t;
  }

  /** The token just consumed (for the end offset of an expression's source text). */
  previous(): Token {
    return this.at(Math.max(0, this.pos - 1));
  }

  isKeyword(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "ident" && !t.quoted && t.text.toUpperCase() === word;
  }

  isPunct(p: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "punct" && t.text === p;
  }

  acceptKeyword(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (!this.isKeyword(words[k], k)) return false;
    this.pos += words.length;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }

  expectKeyword(...words: string[]): void {
    if (!this.acceptKeyword(...words)) this.fail(words.join(" "));
  }

  expectPunct(p: string): void {
    if (!this.acceptPunct(p)) this.fail(`"${p}"`);
  }

  /** A name: identifier (keywords allowed where the grammar has no ambiguity). */
  expectName(what: string): string {
    const t = this.peek();
    if (t.kind !== "ident") this.fail(what);
    this.pos++;
    return t.text;
  }

  /** Throws a syntax error at `at`; `detail` is openCypher's name for it. */
  fail(expected: string, at: Token = this.peek(), detail = "UnexpectedSyntax"): never {
    const found = at.kind === "eof" ? "end of input" : at.kind === "string" ? `string ${JSON.stringify(at.text)}` : `"${at.text}"`;
    throw new QuerySyntaxError(at.line, at.column, expected, found, detail);
  }

  /** Runs a nested production under the depth guard. */
  nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail(`at most ${MAX_NESTING} levels of nesting`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** Source text from token `startPos` to the last consumed token. */
  textFrom(startPos: number): string {
    const first = this.at(startPos);
    const last = this.previous();
    return this.source.slice(first.offset, last.end ?? last.offset + last.text.length).trim();
  }
}
