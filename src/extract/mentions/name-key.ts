/**
 * Normalized keys for names, so spelling and transliteration variants of one name
 * meet: diacritics stripped, "Zelenskyy"/"Zelensky", "Dmitri"/"Dmitry",
 * "Kryvyy"/"Kryvyi" folded, "X region" / "X area" / "X oblast" made one, and
 * "Ministry of Foreign Affairs" / "Foreign Ministry" too.
 */

const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[’']s\b/g, ""],
  [/[^a-z0-9]+/g, " "],
  // "Ministry of Foreign Affairs" / "Foreign Ministry", "Ministry of Defence" / "Defense Ministry": one body.
  [/\bdefence\b/g, "defense"],
  [/\bministry of ([a-z]+)(?: affairs)?\b/g, "$1 ministry"],
  [/\b(region|oblast|province|area)\b/g, "region"],
  [/yy\b/g, "y"],
  [/iy\b/g, "y"],
  [/yi\b/g, "y"],
  [/i\b/g, "y"],
  [/ii/g, "iy"],
  [/kh/g, "h"],
  [/zh/g, "j"],
];

export function nameKey(name: string): string {
  let k = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  for (const [re, to] of FOLDS) k = k.replace(re, to);
  return k.replace(/\s+/g, " ").trim();
}
