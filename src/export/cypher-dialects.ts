/**
 * What differs between the Cypher clients the script export targets, as data:
 * how a batch of rows reaches its statement and how the per-label schema is
 * declared. The statements themselves (UNWIND … MERGE … SET += …) are the same.
 *
 * - cypher-shell (Neo4j 5): `:param rows => [...]` on one line (a shell
 *   command ends at the line break; the arrow form is read by every 4.x and 5.x
 *   cypher-shell), then `UNWIND $rows AS row …;`, so each batch runs the same
 *   cached plan. Schema in Neo4j 5 syntax, `IF NOT EXISTS` so a rerun is harmless.
 * - Memgraph (mgconsole, Memgraph Lab's CYPHERL import): mgconsole reads no
 *   `:param` from a piped file, so the rows are inlined as the UNWIND list, one
 *   statement per line as CYPHERL wants; index and constraint in Memgraph's own
 *   syntax (its constraints do not create an index, so both are declared).
 */
import { cypherName } from "./cypher-literal.ts";

export type CypherDialectId = "neo4j" | "memgraph";

export interface CypherDialect {
  id: CypherDialectId;
  /** Statements that make `{id: …}` unique and fast, and `{name: …}` fast, for nodes of one label. */
  schema(label: string): string[];
  /** One batch: `statement` reads the rows as `$rows`. */
  batch(rows: string, statement: string): string;
  /** A comment line, or "" where the client reads only statements. */
  comment(text: string): string;
}

export const CYPHER_DIALECTS: Readonly<Record<CypherDialectId, CypherDialect>> = {
  neo4j: {
    id: "neo4j",
    schema: (label) => {
      const l = cypherName(label);
      return [`CREATE CONSTRAINT IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE;`, `CREATE INDEX IF NOT EXISTS FOR (n:${l}) ON (n.name);`];
    },
    batch: (rows, statement) => `:param rows => ${rows}\n${statement}\n`,
    comment: (text) => `// ${text}\n`,
  },
  memgraph: {
    id: "memgraph",
    schema: (label) => {
      const l = cypherName(label);
      return [`CREATE INDEX ON :${l}(id);`, `CREATE CONSTRAINT ON (n:${l}) ASSERT n.id IS UNIQUE;`, `CREATE INDEX ON :${l}(name);`];
    },
    batch: (rows, statement) => statement.replace("UNWIND $rows AS row", () => `UNWIND ${rows} AS row`) + "\n",
    comment: () => "",
  },
};
