import type { KioskEvent } from '../api/index.ts';

export type KioskEventListener = (event: KioskEvent) => void;

/**
 * In-process fan-out of kiosk events to SSE clients (and tests). A listener that throws is
 * isolated so one broken client cannot stop the others from hearing about a session ending.
 */
export function createEventBus(onListenerError: (error: unknown) => void = () => {}) {
  const listeners = new Set<KioskEventListener>();
  return {
    publish(event: KioskEvent): void {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener: KioskEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get listenerCount(): number {
      return listeners.size;
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
