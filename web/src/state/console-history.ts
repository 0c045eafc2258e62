/**
 * The query console's history: most recent last, no consecutive duplicates, capped;
 * a cursor walks it with ↑/↓ and returns to the draft being typed. Pure apart from
 * the optional Storage it persists to; unit-tested.
 */
export const HISTORY_LIMIT = 50;

export class ConsoleHistory {
  private entries: string[];
  private cursor: number;
  private draft = "";

  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem"> | null = null, private readonly key = "parley.console.history") {
    let saved: unknown = [];
    try {
      saved = JSON.parse(storage?.getItem(key) ?? "[]");
    } catch {
      saved = [];
    }
    this.entries = Array.isArray(saved) ? saved.filter((s): s is string => typeof s === "string").slice(-HISTORY_LIMIT) : [];
    this.cursor = this.entries.length;
  }

  list(): readonly string[] {
    return this.entries;
  }

  add(query: string): void {
    const q = query.trim();
    if (q && this.entries.at(-1) !== q) this.entries.push(q);
    if (this.entries.length > HISTORY_LIMIT) this.entries.splice(0, this.entries.length - HISTORY_LIMIT);
    this.cursor = this.entries.length;
    this.draft = "";
    this.storage?.setItem(this.key, JSON.stringify(this.entries));
  }

  /** The entry before the cursor (↑), remembering the current text as the draft. */
  previous(current: string): string | null {
    if (this.cursor === 0) return null;
    if (this.cursor === this.entries.length) this.draft = current;
    return this.entries[--this.cursor];
  }

  /** The entry after the cursor (↓), or the draft once past the newest. */
  next(): string | null {
    if (this.cursor >= this.entries.length) return null;
    this.cursor++;
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor];
  }
}
