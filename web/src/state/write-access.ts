/**
 * The write key and author name for this browser tab. Both live in sessionStorage
 * (closing the tab forgets them; a key is never written to localStorage or the
 * URL). How a missing key is asked for is installed by the write-key prompt
 * (ui/write-key-prompt.ts), so the API client needs no DOM.
 */
export const WRITE_KEY_ITEM = "parley.writeKey";
export const AUTHOR_ITEM = "parley.author";

/** Asks the user for a key, saying why when a previous one was refused; null when they give up. */
export type KeyAsker = (problem?: string) => Promise<string | null>;

let asker: KeyAsker = async () => null;

// sessionStorage throws in some privacy modes; the tab then simply asks every time.
function read(item: string): string | null {
  try {
    return sessionStorage.getItem(item) || null;
  } catch {
    return null;
  }
}

function store(item: string, value: string | null): void {
  try {
    if (value) sessionStorage.setItem(item, value);
    else sessionStorage.removeItem(item);
  } catch {
    /* not kept: asked again next time */
  }
}

export const writeAccess = {
  key: () => read(WRITE_KEY_ITEM),
  author: () => read(AUTHOR_ITEM),
  remember(key: string, author: string | null): void {
    store(WRITE_KEY_ITEM, key);
    store(AUTHOR_ITEM, author?.trim() || null);
  },
  forget: () => store(WRITE_KEY_ITEM, null),
  ask: (problem?: string) => asker(problem),
  setAsker(fn: KeyAsker): void {
    asker = fn;
  },
};
