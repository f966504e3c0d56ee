import type { OutboxEvent } from '../outbox/outbox.ts';
import { PlatformRejection, PlatformUnavailable } from '../platform/contract.ts';
import { domainErrorOfPlatform } from '../platform/platform-errors.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Clock } from '../time/clock.ts';

/** Whether the government service platform answered lately, as health reports it. */
export interface UpstreamState {
  /** null until the first call or delivery */
  reachable: boolean | null;
  reason: string | null;
  /** when `reachable` last changed (ISO) */
  since: string | null;
}

/** Runs a call that needs the platform now (no cached or queued answer will do). */
export type LiveCall = <T>(call: () => Promise<T>) => Promise<T>;

export interface PlatformLink {
  /**
   * Runs a live platform call and notes whether the line is up; an unreachable platform or a
   * refusal leaves as the kiosk's domain error (platform-unavailable with the reason, or the
   * refusal's own code).
   */
  live: LiveCall;
  /**
   * As `live`, but an unreachable platform is answered by `whenUnavailable` (a cached catalogue, the
   * applications still waiting at the kiosk) instead of an error.
   */
  liveOr<T>(call: () => Promise<T>, whenUnavailable: (reason: string) => T | Promise<T>): Promise<T>;
  /** what the outbox relay saw: a delivery or a refusal means the platform answered, a retry that it did not */
  noteDelivery(event: OutboxEvent): void;
  noteReachable(): void;
  noteUnreachable(reason: string): void;
  state(): UpstreamState;
  /** runs `listener` each time the line comes back after being down */
  onLineBack(listener: () => void): () => void;
}

/**
 * The kiosk's one picture of its line to the platform: every live call, catalogue refresh and
 * outbox delivery reports here, health reads it, and whoever waits for the line (the outbox's
 * backoff, the cold catalogue cache) hears when it is back.
 */
export function createPlatformLink(deps: { clock: Clock }): PlatformLink {
  const state: UpstreamState = { reachable: null, reason: null, since: null };
  const lineBack = new Set<() => void>();

  function note(reachable: boolean, reason: string | null): void {
    const wasDown = state.reachable === false;
    if (state.reachable !== reachable) state.since = deps.clock.now().toISOString();
    state.reachable = reachable;
    state.reason = reason;
    if (reachable && wasDown) for (const listener of [...lineBack]) listener();
  }

  function noteOutcome(error: unknown): void {
    if (error instanceof PlatformUnavailable) note(false, error.message);
    else if (error instanceof PlatformRejection) note(true, null);
  }

  async function liveOr<T>(call: () => Promise<T>, whenUnavailable: (reason: string) => T | Promise<T>): Promise<T> {
    try {
      const result = await call();
      note(true, null);
      return result;
    } catch (error) {
      noteOutcome(error);
      if (error instanceof PlatformUnavailable) return whenUnavailable(error.message);
      throw domainErrorOfPlatform(error);
    }
  }

  return {
    // unreachable is an error here: there is nothing to fall back on
    live: (call) =>
      liveOr(call, (reason) => {
        throw new DomainError('platform-unavailable', reason);
      }),
    liveOr,
    noteDelivery(event) {
      if (event.type === 'retry') note(false, event.reason);
      else note(true, null);
    },
    noteReachable: () => note(true, null),
    noteUnreachable: (reason) => note(false, reason),
    state: () => ({ ...state }),
    onLineBack(listener) {
      lineBack.add(listener);
      return () => lineBack.delete(listener);
    },
  };
}
