/** The value formatting of the Neo4j exports, as tables of [input, expected]. */
import { describe, expect, it } from "vitest";
import { cypherFloat, cypherName, cypherString } from "../../src/export/cypher-literal.ts";
import { csvField } from "../../src/export/neo4j-csv.ts";

describe("values", () => {
  it.each([
    [8, "8.0"],
    [14.59, "14.59"],
    [-0.5, "-0.5"],
    [1e21, "1e21"],
    [1e-7, "1e-7"],
  ])("cypherFloat(%s) is the FLOAT literal %s", (n, literal) => expect(cypherFloat(n)).toBe(literal));

  it.each([
    ["Actor", "Actor"],
    ["NEGOTIATED_WITH", "NEGOTIATED_WITH"],
    ["two words", "`two words`"],
    ["back`tick", "`back``tick`"],
  ])("cypherName(%j) is %s", (name, literal) => expect(cypherName(name)).toBe(literal));

  it.each([
    ['say "hi"', '"say \\"hi\\""'],
    ["a\\b", '"a\\\\b"'],
    ["x\u2028y\u0085", '"x\\u2028y\\u0085"'],
    ["tab\tnl\n", '"tab\\tnl\\n"'],
  ])("cypherString(%j) is %s", (text, literal) => expect(cypherString(text)).toBe(literal));

  it.each([
    ["integer", 2.7, "2"],
    ["integer", "n/a", null],
    ["float", 8, "8"],
    ["float", Number.NaN, null],
    ["string", "", ""],
    ["string", undefined, null],
    ["list", [], null],
    ["list", ["a", "b\u001Fc"], "a\u001Fbc"],
    ["json", [{ a: '"' }], '[{"a":"\\""}]'],
  ] as const)("csvField(%s, %j) is %j", (kind, value, field) => expect(csvField(kind, value)).toBe(field));
});
