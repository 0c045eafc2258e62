/**
 * Text normalization: one spelling for quotes, dashes and spaces, so that cue
 * phrases and names match whatever typography the outlet used.
 */

const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\r\n?/g, "\n"],
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011]/g, "-"],
  // En and em dashes (and the minus sign) become a spaced dash: "Rih—President" → "Rih - President".
  [/\s*[\u2012\u2013\u2014\u2015\u2212]\s*/g, " - "],
  [/\u2026/g, "..."],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " "],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ""],
  // Control characters other than newline and tab never carry meaning in an article.
  [/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ""],
  [/[ \t]+/g, " "],
  [/ *\n */g, "\n"],
  [/\n{3,}/g, "\n\n"],
];

export function normalizeText(text: string): string {
  let out = text.normalize("NFC");
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out.trim();
}
