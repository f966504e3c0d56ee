import type { Clock, TimerHandle } from '../../time/clock.ts';
import { createListeners } from '../listeners.ts';
import type { SerialLine, SerialLineOpener } from './serial-line.ts';

/**
 * The link to a serial device as an explicit state machine (architecture rule 2):
 *
 *   stopped ──start──▶ opening ──ok──▶ open ──line lost──▶ waiting ──backoff──▶ opening …
 *                         └──failed──▶ waiting
 *
 * A USB-serial adapter unplugged at 3 a.m. makes the port vanish; this keeps trying to open the
 * path with a capped exponential backoff, so the device is back within `maxDelayMs` (+ open time)
 * of the adapter returning, with no restart and never two handles on one port.
 */
export type LinkState =
  | { kind: 'stopped' }
  | { kind: 'opening'; attempt: number }
  | { kind: 'open'; line: SerialLine }
  | { kind: 'waiting'; attempt: number; retryInMs: number; error: Error };

export interface BackoffOptions {
  /** first retry delay after a loss or failed open */
  initialDelayMs: number;
  /** the delay never grows beyond this (bounds the time to recover after the device returns) */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = { initialDelayMs: 250, maxDelayMs: 2_000 };

export interface ReconnectingLine {
  state(): LinkState;
  /** the open line, or null */
  line(): SerialLine | null;
  onState(listener: (state: LinkState) => void): () => void;
  start(): void;
  /** stops retrying and closes the line; resolves when the handle is released */
  stop(): Promise<void>;
}

export function retryDelayMs(attempt: number, backoff: BackoffOptions): number {
  return Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** Math.max(0, attempt - 1));
}

export function createReconnectingLine(options: { open: SerialLineOpener; clock: Clock; backoff?: BackoffOptions }): ReconnectingLine {
  const { open, clock } = options;
  const backoff = options.backoff ?? defaultBackoff;
  const listeners = createListeners<LinkState>();
  let state: LinkState = { kind: 'stopped' };
  let retryTimer: TimerHandle | null = null;
  /** bumps on stop so an open that completes after stop() is closed instead of adopted */
  let generation = 0;

  function enter(next: LinkState): void {
    state = next;
    listeners.emit(next);
  }

  function waitAndRetry(attempt: number, error: Error): void {
    const retryInMs = retryDelayMs(attempt, backoff);
    enter({ kind: 'waiting', attempt, retryInMs, error });
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      void tryOpen(attempt + 1);
    }, retryInMs);
  }

  async function tryOpen(attempt: number): Promise<void> {
    const myGeneration = generation;
    enter({ kind: 'opening', attempt });
    let line: SerialLine;
    try {
      line = await open();
    } catch (error) {
      if (myGeneration !== generation) return;
      waitAndRetry(attempt, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (myGeneration !== generation) {
      await line.close();
      return;
    }
    line.onClose((error) => {
      if (state.kind !== 'open' || state.line !== line || error === null) return;
      void line.close();
      waitAndRetry(1, error);
    });
    enter({ kind: 'open', line });
  }

  return {
    state: () => state,
    line: () => (state.kind === 'open' ? state.line : null),
    onState: (listener) => listeners.add(listener),
    start() {
      if (state.kind !== 'stopped') return;
      void tryOpen(1);
    },
    async stop() {
      generation += 1;
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = null;
      const line = state.kind === 'open' ? state.line : null;
      enter({ kind: 'stopped' });
      if (line) await line.close();
    },
  };
}
