/**
 * A set of listeners for one kind of device event (status, card, scan). Every device needs the same
 * subscribe / unsubscribe / notify logic; keeping it here means one place decides what happens when
 * a listener unsubscribes while being notified or throws.
 */
export interface Listeners<T> {
  /** adds a listener; returns the function that removes it */
  add(listener: (value: T) => void): () => void;
  /**
   * Calls every listener with the value. A listener that throws does not stop the others from
   * hearing about the event; the first error is rethrown after all were called, so it is not lost.
   */
  emit(value: T): void;
  readonly size: number;
}

export function createListeners<T>(): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener) {
      // Wrapping makes a listener added twice count twice and be removed once per unsubscribe.
      const entry = (value: T) => listener(value);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    emit(value) {
      let firstError: unknown = undefined;
      let failed = false;
      // Snapshot: a listener that unsubscribes (or subscribes) during emit does not change this round.
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          if (!failed) firstError = error;
          failed = true;
        }
      }
      if (failed) throw firstError;
    },
    get size() {
      return listeners.size;
    },
  };
}
