/**
 * Text normalization: one spelling for quotes, dashes and spaces, so that cue
 * phrases and names match whatever typography the outlet used. Every step is
 * linear in the text's length (articles can be a million characters).
 */

type Step = (text: string) => string;

const replace =
  (pattern: RegExp, replacement: string): Step =>
  (text) =>
    text.replace(pattern, replacement);

const DASHES = /[\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * En and em dashes (and the minus sign) become a spaced dash, eating the white
 * space around them: "Rih—President" → "Rih - President". Done by splitting: a
 * regex with optional white space before the dash backtracks over every long
 * run of spaces, which is quadratic on hostile input.
 */
function spaceDashes(text: string): string {
  const parts = text.split(DASHES);
  if (parts.length === 1) return text;
  const last = parts.length - 1;
  return parts.map((part, i) => (i > 0 ? (i < last ? part.trim() : part.trimStart()) : part.trimEnd())).join(" - ");
}

const STEPS: readonly Step[] = [
  replace(/\r\n?/g, "\n"),
  replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"),
  replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'),
  replace(/[\u2010\u2011]/g, "-"),
  spaceDashes,
  replace(/\u2026/g, "..."),
  replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " "),
  replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ""),
  // Control characters other than newline and tab never carry meaning in an article.
  replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ""),
  replace(/[ \t]+/g, " "),
  replace(/ *\n */g, "\n"),
  replace(/\n{3,}/g, "\n\n"),
];

export function normalizeText(text: string): string {
  return STEPS.reduce((out, step) => step(out), text.normalize("NFC")).trim();
}
