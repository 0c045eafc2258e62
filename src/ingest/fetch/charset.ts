/**
 * Response bytes to text in the charset the response declares, in the order
 * browsers and XML parsers use: byte-order mark, then the Content-Type charset,
 * then the document's own declaration (<?xml encoding> or <meta charset> /
 * <meta http-equiv> in the first 1,024 bytes), then UTF-8. Unknown labels are
 * skipped; bytes invalid in the charset become U+FFFD rather than failing, as
 * in a browser. (../decode.ts is for article files: UTF-8 or UTF-16 only, and
 * strict.)
 */

const PRESCAN_BYTES = 1024;
const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const META_CHARSET = /<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function bom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

export interface DecodedBody {
  text: string;
  /** The WHATWG encoding name used ("utf-8", "windows-1252", ...). */
  charset: string;
}

export function decodeBody(bytes: Uint8Array, headerCharset?: string): DecodedBody {
  const mark = bom(bytes);
  if (mark) return { text: new TextDecoder(mark.charset).decode(bytes.subarray(mark.skip)), charset: mark.charset };
  // The prescan reads ASCII, which every charset a page may declare here agrees on.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString("latin1");
  const candidates = [headerCharset, XML_ENCODING.exec(head)?.[1], META_CHARSET.exec(head)?.[1]];
  for (const label of candidates) {
    const decoder = decoderFor(label);
    // A document cannot declare itself UTF-16 in ASCII; browsers read such a declaration as UTF-8.
    if (decoder && (label === headerCharset || !decoder.encoding.startsWith("utf-16"))) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  return { text: new TextDecoder("utf-8").decode(bytes), charset: "utf-8" };
}
