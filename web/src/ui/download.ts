/**
 * Downloads made in the page: a table as CSV (RFC 4180 by csv-stringify's browser
 * build) or any text, saved through a blob: link so nothing goes back to the server.
 */
import { stringify } from "csv-stringify/browser/esm/sync";

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header as string[], ...(rows as string[][])]);
}

export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL can go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
