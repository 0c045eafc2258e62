/**
 * How deeply an HTML page nests its elements, measured with htmlparser2's
 * streaming tokenizer (no DOM, no recursion) and given up as soon as the depth
 * passes the limit, so its own open-element stack stays small too. Implied end
 * tags (`<p>` before `<p>`, void elements) close as a browser would close them.
 */
import { Parser } from "htmlparser2";
import { IngestError } from "./errors.ts";
import { MAX_HTML_DEPTH } from "./limits.ts";

class TooDeep extends Error {}

/** Throws an IngestError naming `source` when the page nests deeper than MAX_HTML_DEPTH. */
export function assertHtmlDepth(html: string, source: string): void {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_HTML_DEPTH) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (err) {
    if (err instanceof TooDeep) throw new IngestError(source, `the HTML nests elements more than ${MAX_HTML_DEPTH} levels deep (the limit for an article page)`);
    throw err;
  }
}
