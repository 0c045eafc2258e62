/**
 * Hard limits on one article. They are not tuning knobs: each one keeps a
 * hostile or broken input from taking the build down (memory, stack, or minutes
 * of CPU), and each refusal names the file, the size found and the limit.
 */

/**
 * Largest article file read at all (bytes). News pages with inline scripts and
 * styles reach a few MB; beyond this a file is not an article, and decoding and
 * parsing it would only cost memory and time.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Longest article text (characters, after HTML is reduced to text): about
 * 85,000 words, four times the longest long-form story. Extraction runs at
 * roughly 50,000 characters a second on an idle core and blocks its thread
 * (the server ingests in-process), so this keeps one article to ~10 s.
 */
export const MAX_TEXT_CHARS = 500_000;

/**
 * Longest sentence handed to extraction (characters). Tagging and cue matching
 * grow faster than linearly with sentence length (4,000 words without a full
 * stop took 5 s), so a longer run of text (a table flattened to one line, a
 * missing full stop, a minified blob) is cut into pieces of at most this size,
 * at a clause break or space where there is one. The longest seed sentence is
 * 350 characters; real sentences stay whole.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/**
 * Deepest HTML element nesting accepted. Real pages nest a few dozen levels;
 * the DOM parser's scope checks are linear in depth (so deep nesting is
 * quadratic) and DOM walkers recurse, so 100,000 levels took minutes and then
 * overflowed the stack. Such a page is refused before any DOM is built.
 */
export const MAX_HTML_DEPTH = 256;

/** "20.0 MB" / "512 KB" / "900 bytes", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
