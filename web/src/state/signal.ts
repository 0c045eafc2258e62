/**
 * A minimal signal: listeners subscribe, a producer emits. How panels hear about
 * things that are not view state (the graph was reloaded, an edit was recorded)
 * without knowing who produces them.
 */
export interface Signal<T> {
  emit(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createSignal<T = void>(): Signal<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit(value) {
      // A failing listener must not keep the others from hearing it.
      for (const l of [...listeners]) {
        try {
          l(value);
        } catch (err) {
          console.warn("parley/web: listener failed", err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
