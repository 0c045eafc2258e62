/**
 * Abstract syntax tree of the openCypher read subset. The parser builds it, the
 * planner/executor walks it; nothing here knows about graphs.
 */

export type Expr =
  | { kind: "literal"; value: null | boolean | number | string }
  | { kind: "list"; items: Expr[] }
  | { kind: "map"; entries: Array<[string, Expr]> }
  | { kind: "param"; name: string }
  | { kind: "var"; name: string }
  | { kind: "prop"; object: Expr; key: string }
  | { kind: "index"; object: Expr; index: Expr }
  | { kind: "slice"; object: Expr; from: Expr | null; to: Expr | null }
  | { kind: "unary"; op: "NOT" | "-" | "+"; arg: Expr }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "isNull"; arg: Expr; negated: boolean }
  | { kind: "labelTest"; arg: Expr; labels: string[] }
  | { kind: "call"; name: string; distinct: boolean; args: Expr[]; star: boolean }
  | { kind: "case"; subject: Expr | null; branches: Array<{ when: Expr; then: Expr }>; otherwise: Expr | null }
  | { kind: "listComp"; variable: string; source: Expr; where: Expr | null; map: Expr | null }
  /** `any/all/none/single(x IN list WHERE pred)`. */
  | { kind: "quantifier"; quantifier: Quantifier; variable: string; source: Expr; where: Expr }
  /**
   * A subquery read for each row: `EXISTS { … }` and a pattern in an expression
   * (`WHERE (a)-->(b)`) are true when it has a row, `COUNT { … }` counts them, and
   * a pattern comprehension `[(a)-->(b) WHERE … | b.name]` lists `map` over them.
   * The clauses end without RETURN unless the subquery was written with one.
   */
  | {
      kind: "subquery";
      mode: "exists" | "count";
      clauses: Clause[];
      /** Written as a bare pattern (`WHERE (a)-->(b)`), which, unlike EXISTS { … }, may not introduce variables. */
      bare?: boolean;
    }
  | { kind: "patternComp"; clauses: Clause[]; map: Expr };

export type Quantifier = "any" | "all" | "none" | "single";

export type BinaryOp =
  | "AND" | "OR" | "XOR"
  | "=" | "<>" | "<" | "<=" | ">" | ">="
  | "IN" | "STARTS WITH" | "ENDS WITH" | "CONTAINS" | "=~"
  | "+" | "-" | "*" | "/" | "%" | "^";

export interface NodePattern {
  variable: string | null;
  labels: string[][]; // conjunction of disjunctions: (:A|B:C) → [[A,B],[C]]
  properties: Expr | null;
}

export type Direction = "right" | "left" | "both";

export interface RelPattern {
  variable: string | null;
  types: string[]; // any of
  properties: Expr | null;
  direction: Direction;
  /** null: exactly one hop; otherwise the inclusive hop range (max null = unbounded). */
  range: { min: number; max: number | null } | null;
}

export interface PatternPart {
  pathVariable: string | null;
  /** Plain chain, or wrapped in shortestPath()/allShortestPaths(). */
  shortest: "none" | "single" | "all";
  nodes: NodePattern[]; // nodes.length === rels.length + 1
  rels: RelPattern[];
}

export interface SortItem {
  expr: Expr;
  descending: boolean;
}

export interface ProjectionItem {
  expr: Expr;
  alias: string; // the alias, or the expression's source text
}

export interface Projection {
  distinct: boolean;
  star: boolean;
  items: ProjectionItem[];
  orderBy: SortItem[];
  skip: Expr | null;
  limit: Expr | null;
}

export type Clause =
  | { kind: "match"; optional: boolean; patterns: PatternPart[]; where: Expr | null }
  | { kind: "unwind"; expr: Expr; variable: string }
  | { kind: "with"; projection: Projection; where: Expr | null }
  | { kind: "return"; projection: Projection };

export interface Query {
  clauses: Clause[];
  /** Further queries joined by UNION (`all`: UNION ALL keeps duplicate rows). */
  unions?: Array<{ all: boolean; clauses: Clause[] }>;
}
