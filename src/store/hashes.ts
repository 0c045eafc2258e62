/**
 * The two hashes the store keys articles by. The source hash is of what was
 * read (file bytes and its manifest entry), to tell an unchanged file without
 * parsing it again; the content hash is of the parsed article — exactly what
 * extraction reads — and keys the extraction cache; the text hash is of the
 * cleaned body alone, to recognize one story posted twice under two titles.
 */
import { createHash } from "node:crypto";
import type { Article } from "../types.ts";

export function sourceHashOf(text: string, manifestEntry?: unknown): string {
  return createHash("sha256").update(JSON.stringify(manifestEntry ?? null)).update("\0").update(text).digest("hex");
}

export function contentHashOf(article: Article): string {
  // Field order is fixed by the ingest code that builds the object, so the JSON is canonical.
  return createHash("sha256").update(JSON.stringify(article)).digest("hex");
}

export function textHashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
