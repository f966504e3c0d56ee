import type { CardIdentity } from '../../api/index.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { CardReadEvent, IdReader } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createStatusTracker } from '../status-tracker.ts';

/**
 * The ID card reader as `npm start` and integration tests see it: a card lies on the reader (or
 * not), the reader is plugged in (or not), and reading takes `readMs` on the injected clock.
 *
 * Behaviour copied from real SAM readers (shared/reference/devices.md §1.8):
 * - anti-replay: a card is read once per presentation; it is read again only after it was removed
 *   and presented again, so a citizen leaving the card on the reader does not open session after session;
 * - a card lying on an unplugged reader is read as soon as the reader is connected;
 * - a read that is interrupted (card pulled away, reader unplugged, bridge stopping) ends with
 *   `unreadable`, so every `reading` is followed by exactly one `read` or `unreadable`.
 */
export interface SimulatedIdReader extends IdReader {
  placeCard(identity: CardIdentity): void;
  /** a card the reader finds but cannot read (damaged chip, a bus card) */
  placeUnreadableCard(): void;
  removeCard(): void;
  connect(): void;
  disconnect(): void;
}

type PresentedCard = { kind: 'id-card'; identity: CardIdentity } | { kind: 'unreadable-card' };

export function createSimulatedIdReader(options: { clock: Clock; readMs: number }): SimulatedIdReader {
  const { clock, readMs } = options;
  const tracker = createStatusTracker({ id: 'id-reader', driver: 'simulated', clock, state: 'disconnected', reason: 'stopped' });
  const cardListeners = createListeners<CardReadEvent>();

  // The physical world: what lies on the reader, whether its cable is in.
  let card: PresentedCard | null = null;
  /** anti-replay: the card now presented has been read (successfully or not) */
  let presentationDone = false;
  let connected = true;
  // The reader itself.
  let running = false;
  let readTimer: TimerHandle | null = null;

  function updateStatus(): void {
    if (!running) tracker.set('disconnected', 'stopped');
    else if (!connected) tracker.set('disconnected');
    else if (readTimer !== null) tracker.set('busy', 'reading');
    else tracker.set('ready');
  }

  /** Starts a read when the reader can see a card it has not read yet (its poll loop finding it). */
  function startReadIfDue(): void {
    if (!running || !connected || card === null || presentationDone || readTimer !== null) return;
    readTimer = clock.setTimeout(finishRead, readMs);
    updateStatus();
    cardListeners.emit({ kind: 'reading' });
  }

  function finishRead(): void {
    readTimer = null;
    presentationDone = true;
    updateStatus();
    if (card?.kind === 'id-card') cardListeners.emit({ kind: 'read', identity: card.identity });
    else cardListeners.emit({ kind: 'unreadable' });
  }

  /** Ends a read in progress without result; the card stays unread so a later chance re-reads it. */
  function interruptRead(): void {
    if (readTimer === null) return;
    clock.clearTimeout(readTimer);
    readTimer = null;
    updateStatus();
    cardListeners.emit({ kind: 'unreadable' });
  }

  function present(next: PresentedCard): void {
    // Putting a card down while another lies there is a swap: the first one leaves the field.
    if (card !== null) removeCard();
    card = next;
    presentationDone = false;
    startReadIfDue();
  }

  function removeCard(): void {
    if (card === null) return;
    card = null;
    presentationDone = false;
    interruptRead();
  }

  return {
    id: 'id-reader',
    driver: 'simulated',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    onCard: (listener) => cardListeners.add(listener),
    async start() {
      running = true;
      // A card already waiting makes the reader go straight to busy, without a flash of "ready".
      startReadIfDue();
      updateStatus();
    },
    async stop() {
      running = false;
      interruptRead();
      updateStatus();
    },
    placeCard: (identity) => present({ kind: 'id-card', identity }),
    placeUnreadableCard: () => present({ kind: 'unreadable-card' }),
    removeCard,
    connect() {
      if (connected) return;
      connected = true;
      startReadIfDue();
      updateStatus();
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      // Status first: a listener told "unreadable" then sees the reader is gone, not "ready".
      updateStatus();
      interruptRead();
    },
  };
}
