/**
 * Cypher literals for the script export: strings, names, numbers and property
 * maps, in the subset every Cypher parser reads (Neo4j's, Memgraph's, the
 * console's). Strings are JSON string literals, which are Cypher string
 * literals too, plus escapes for the line separators JSON leaves raw.
 */
import type { PropertyDef, PropertyKind } from "./property-graph.ts";

/**
 * U+0085, U+2028 and U+2029 end a line for Java's regular expressions: cypher-shell
 * matches `:param name => value` with `.+`, so a raw one would cut the value short.
 */
const JAVA_LINE_SEPARATOR = /[\u0085\u2028\u2029]/;
const JAVA_LINE_SEPARATORS = /[\u0085\u2028\u2029]/g;

export function cypherString(text: string): string {
  const json = JSON.stringify(text);
  return JAVA_LINE_SEPARATOR.test(json) ? json.replace(JAVA_LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label, relationship type or map key; anything but a plain identifier is backtick-quoted. */
export function cypherName(name: string): string {
  return IDENTIFIER.test(name) ? name : "`" + name.replaceAll("`", "``") + "`";
}

/** A FLOAT literal even for integral values (`8` would be stored as an INTEGER); Cypher's exponent has no `+`. */
export function cypherFloat(n: number): string {
  const text = String(n);
  return /[.e]/.test(text) ? text.replace("e+", "e") : text + ".0";
}

const finite = (value: unknown): number | null => {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The literal for a property value, or null for "no property". */
export function cypherValue(kind: PropertyKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "string":
      return cypherString(String(value));
    case "integer": {
      const n = finite(value);
      return n === null ? null : String(Math.trunc(n));
    }
    case "float": {
      const n = finite(value);
      return n === null ? null : cypherFloat(n);
    }
    case "list":
      return Array.isArray(value) ? `[${value.map((item) => cypherString(String(item))).join(", ")}]` : null;
    case "json":
      // Neo4j properties cannot be maps or lists of maps: evidence travels as its JSON text.
      return cypherString(JSON.stringify(value));
  }
}

/** `{name: "…", mentions: 3, …}` for the properties of the model that have a value. */
export function cypherProperties<A>(model: readonly PropertyDef<A>[], attributes: A): string {
  let out = "";
  for (const p of model) {
    const literal = cypherValue(p.kind, p.get(attributes));
    if (literal !== null) out += (out ? ", " : "") + cypherName(p.name) + ": " + literal;
  }
  return `{${out}}`;
}
