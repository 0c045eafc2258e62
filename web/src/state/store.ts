/**
 * A tiny observable store for the view state, synchronized with the browser history:
 * discrete actions (select a node, run a path or query) push a history entry,
 * continuous ones (dragging a slider) replace the current one, and back/forward
 * restore the state read from the URL. Panels subscribe and re-render from state.
 */
import { decodeViewState, encodeViewState, sameView, type ViewState } from "./view-state.ts";

export type HistoryMode = "push" | "replace" | "none";
export type Listener = (state: ViewState, previous: ViewState) => void;

export interface Store {
  get(): ViewState;
  set(patch: Partial<ViewState>, mode?: HistoryMode): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  const emit = (previous: ViewState) => listeners.forEach((l) => l(state, previous));
  return {
    get: () => state,
    set(patch, mode = "push") {
      const previous = state;
      const next = { ...state, ...patch };
      if (sameView(previous, next)) return;
      state = next;
      if (mode !== "none") {
        const url = `${location.pathname}${encodeViewState(state)}`;
        if (mode === "push") history.pushState(null, "", url);
        else history.replaceState(null, "", url);
      }
      emit(previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Store whose state starts from, and follows, the page URL. */
export function createUrlStore(): Store {
  const store = createStore(decodeViewState(location.search));
  window.addEventListener("popstate", () => store.set(decodeViewState(location.search), "none"));
  return store;
}
