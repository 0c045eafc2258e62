/**
 * Values as the TCK writes them in result tables and parameters — `null`,
 * `true`, `1`, `1.5`, `NaN`, `'text'`, `[1, 2]`, `{k: 'v'}`, nodes `(:A {k: 1})`,
 * relationships `[:T {k: 1}]`, paths `<(:A)-[:T]->(:B)>` — parsed, and
 * compared with the engine's JSON cells the way the TCK compares them.
 *
 * One deliberate difference: Parley's numbers are IEEE doubles, as in JSON,
 * so an integer and a float of the same value (`1` and `1.0`) compare equal.
 */

export type TckValue =
  | { k: "null" }
  | { k: "bool"; v: boolean }
  | { k: "number"; v: number; float: boolean }
  | { k: "string"; v: string }
  | { k: "list"; items: TckValue[] }
  | { k: "map"; entries: Record<string, TckValue> }
  | { k: "node"; labels: string[]; props: Record<string, TckValue> }
  | { k: "rel"; type: string; props: Record<string, TckValue> }
  | { k: "path"; nodes: TckValue[]; rels: Array<{ rel: TckValue; forward: boolean }> };

export function parseTckValue(text: string): TckValue {
  const p = new ValueReader(text);
  const v = p.value();
  p.skipSpace();
  if (!p.done()) p.fail("end of value");
  return v;
}

class ValueReader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }
  fail(expected: string): never {
    throw new Error(`TCK value ${JSON.stringify(this.s)}: expected ${expected} at ${this.i}`);
  }
  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  private peek(): string {
    this.skipSpace();
    return this.s[this.i] ?? "";
  }
  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.i++;
    return true;
  }
  private expect(c: string): void {
    if (!this.eat(c)) this.fail(`'${c}'`);
  }
  private word(): string {
    this.skipSpace();
    const m = /^(?:`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.s.slice(this.i));
    if (!m) this.fail("a name");
    this.i += m[0].length;
    return m[0].startsWith("`") ? m[0].slice(1, -1) : m[0];
  }

  value(): TckValue {
    const c = this.peek();
    if (c === "'") return { k: "string", v: this.string() };
    if (c === "[") return this.listOrRel();
    if (c === "{") return { k: "map", entries: this.map() };
    if (c === "(") return this.node();
    if (c === "<") return this.path();
    const rest = this.s.slice(this.i);
    const num = /^-?(?:Inf(?:inity)?|NaN|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)/.exec(rest);
    if (num) {
      this.i += num[0].length;
      const t = num[0];
      const neg = t.startsWith("-");
      const body = neg ? t.slice(1) : t;
      const v = /^Inf/.test(body) ? Infinity : body === "NaN" ? NaN : body.startsWith("0x") || body.startsWith("0o") ? Number(body) : Number(body);
      return { k: "number", v: neg ? -v : v, float: /[.eE]|Inf|NaN/.test(body) };
    }
    const w = this.word();
    if (w === "null") return { k: "null" };
    if (w === "true" || w === "false") return { k: "bool", v: w === "true" };
    return this.fail("a value");
  }

  private string(): string {
    this.expect("'");
    let out = "";
    while (this.i < this.s.length && this.s[this.i] !== "'") {
      if (this.s[this.i] === "\\" && this.i + 1 < this.s.length) {
        const n = this.s[++this.i];
        out += n === "n" ? "\n" : n === "t" ? "\t" : n;
      } else out += this.s[this.i];
      this.i++;
    }
    this.expect("'");
    return out;
  }

  private map(): Record<string, TckValue> {
    this.expect("{");
    const out: Record<string, TckValue> = {};
    if (this.eat("}")) return out;
    do {
      const key = this.word();
      this.expect(":");
      out[key] = this.value();
    } while (this.eat(","));
    this.expect("}");
    return out;
  }

  private listOrRel(): TckValue {
    this.expect("[");
    if (this.peek() === ":") {
      this.i++;
      const type = this.word();
      const props = this.peek() === "{" ? this.map() : {};
      this.expect("]");
      return { k: "rel", type, props };
    }
    const items: TckValue[] = [];
    if (this.eat("]")) return { k: "list", items };
    do items.push(this.value());
    while (this.eat(","));
    this.expect("]");
    return { k: "list", items };
  }

  private node(): TckValue {
    this.expect("(");
    const labels: string[] = [];
    while (this.eat(":")) labels.push(this.word());
    const props = this.peek() === "{" ? this.map() : {};
    this.expect(")");
    return { k: "node", labels, props };
  }

  private path(): TckValue {
    this.expect("<");
    const nodes = [this.node()];
    const rels: Array<{ rel: TckValue; forward: boolean }> = [];
    while (this.peek() === "-" || this.peek() === "<") {
      const backward = this.eat("<");
      this.expect("-");
      const rel = this.listOrRel();
      this.expect("-");
      const forward = this.eat(">");
      if (forward === backward) this.fail("one arrow head");
      rels.push({ rel, forward });
      nodes.push(this.node());
    }
    this.expect(">");
    return { k: "path", nodes, rels };
  }
}

/** A TCK value as the engine takes a parameter (nodes and paths cannot be parameters). */
export function toParameter(v: TckValue): unknown {
  switch (v.k) {
    case "null":
      return null;
    case "bool":
    case "number":
    case "string":
      return v.v;
    case "list":
      return v.items.map(toParameter);
    case "map":
      return Object.fromEntries(Object.entries(v.entries).map(([k, x]) => [k, toParameter(x)]));
    default:
      throw new Error(`a ${v.k} cannot be a parameter`);
  }
}

interface NodeCell {
  kind: "node";
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
}
interface RelCell {
  kind: "relationship";
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Does the engine's JSON cell equal the expected TCK value? `listsUnordered`: lists compare as multisets. */
export function matches(expected: TckValue, actual: unknown, listsUnordered = false): boolean {
  switch (expected.k) {
    case "null":
      return actual === null;
    case "bool":
    case "string":
      return actual === expected.v;
    case "number":
      return typeof actual === "number" && (Number.isNaN(expected.v) ? Number.isNaN(actual) : actual === expected.v || nearlyEqual(actual, expected.v, expected.float));
    case "list": {
      if (!Array.isArray(actual) || actual.length !== expected.items.length) return false;
      if (!listsUnordered) return expected.items.every((x, i) => matches(x, actual[i], listsUnordered));
      return unorderedMatch(expected.items, actual, (e, a) => matches(e, a, listsUnordered));
    }
    case "map":
      return isObject(actual) && !("kind" in actual && (actual.kind === "node" || actual.kind === "relationship" || actual.kind === "path")) && propsMatch(expected.entries, actual, listsUnordered);
    case "node":
      return isObject(actual) && actual.kind === "node" && nodeMatches(expected, actual as unknown as NodeCell, listsUnordered);
    case "rel":
      return isObject(actual) && actual.kind === "relationship" && relMatches(expected, actual as unknown as RelCell, listsUnordered);
    case "path": {
      if (!isObject(actual) || actual.kind !== "path") return false;
      const nodes = actual.nodes as NodeCell[];
      const rels = actual.relationships as RelCell[];
      if (nodes.length !== expected.nodes.length || rels.length !== expected.rels.length) return false;
      if (!expected.nodes.every((n, i) => matches(n, nodes[i], listsUnordered))) return false;
      return expected.rels.every(({ rel, forward }, i) => {
        const r = rels[i];
        const [from, to] = forward ? [nodes[i].key, nodes[i + 1].key] : [nodes[i + 1].key, nodes[i].key];
        return matches(rel, r, listsUnordered) && r.start === from && r.end === to;
      });
    }
  }
}

/** The TCK prints floats to about 15 significant digits; a printed float matches within that. */
function nearlyEqual(a: number, b: number, float: boolean): boolean {
  return float && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));
}

function nodeMatches(e: Extract<TckValue, { k: "node" }>, a: NodeCell, lu: boolean): boolean {
  return sameSet(e.labels, a.labels) && propsMatch(e.props, a.properties, lu);
}

function relMatches(e: Extract<TckValue, { k: "rel" }>, a: RelCell, lu: boolean): boolean {
  return e.type.toUpperCase() === a.type.toUpperCase() && propsMatch(e.props, a.properties, lu);
}

function propsMatch(e: Record<string, TckValue>, a: Record<string, unknown>, lu: boolean): boolean {
  const keys = Object.keys(e);
  return keys.length === Object.keys(a).length && keys.every((k) => k in a && matches(e[k], a[k], lu));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Multiset match: each expected item takes one equal actual item (equality is an equivalence, so greedy is exact). */
export function unorderedMatch<E, A>(expected: E[], actual: A[], eq: (e: E, a: A) => boolean): boolean {
  if (expected.length !== actual.length) return false;
  const used = new Uint8Array(actual.length);
  return expected.every((e) => {
    const j = actual.findIndex((a, k) => !used[k] && eq(e, a));
    if (j < 0) return false;
    used[j] = 1;
    return true;
  });
}
