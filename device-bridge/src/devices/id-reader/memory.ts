import type { CardIdentity } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import type { CardReadEvent, IdReader } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/**
 * An in-memory ID reader for unit tests of code that uses one (session, routes). Synchronous and
 * timer-free: `present` delivers `reading` and `read` at once. For realistic timing and
 * anti-replay use the simulator.
 */
export interface MemoryIdReader extends IdReader, MemoryDeviceBase<'id-reader'> {
  /** a card is read: emits `reading` then `read` */
  present(identity: CardIdentity): void;
  /** a card is found but cannot be read: emits `reading` then `unreadable` */
  presentUnreadable(): void;
  /** emits any single event, e.g. only `reading` to test what happens while a read is in progress */
  emit(event: CardReadEvent): void;
}

export function createMemoryIdReader(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryIdReader {
  const base = createMemoryDeviceBase('id-reader', options);
  const cardListeners = createListeners<CardReadEvent>();
  // Object.assign keeps the base's `started` getter live (a spread would copy its value once).
  return Object.assign(base, {
    id: 'id-reader' as const,
    onCard: (listener: (event: CardReadEvent) => void) => cardListeners.add(listener),
    present(identity: CardIdentity) {
      cardListeners.emit({ kind: 'reading' });
      cardListeners.emit({ kind: 'read', identity });
    },
    presentUnreadable() {
      cardListeners.emit({ kind: 'reading' });
      cardListeners.emit({ kind: 'unreadable' });
    },
    emit: (event: CardReadEvent) => cardListeners.emit(event),
  });
}
