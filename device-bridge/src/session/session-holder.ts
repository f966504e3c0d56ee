import type { CardIdentity, SessionEndReason, SessionView } from '../api/index.ts';
import { maskIdNumber, maskName } from '../privacy/mask.ts';
import type { Clock } from '../time/clock.ts';

/** A citizen's session: the identity lives here, in bridge memory, and nowhere else. */
export interface Session {
  readonly id: string;
  readonly identity: CardIdentity;
  /**
   * the card's raw WLT photo (1024 opaque bytes, devices/id-reader/photo-decoder.ts) when the reader
   * gave one: for face verification inside the bridge only; zero-filled at session end
   */
  readonly photo?: Uint8Array;
  readonly startedAt: Date;
}

export interface SessionHolderDeps {
  clock: Clock;
  newId: () => string;
  onStarted: (view: SessionView) => void;
  onEnded: (reason: SessionEndReason) => void;
}

export function ageOn(birthDate: string, today: Date): number {
  const year = Number(birthDate.slice(0, 4));
  const monthDay = Number(birthDate.slice(4, 8));
  const todayMonthDay = (today.getMonth() + 1) * 100 + today.getDate();
  return today.getFullYear() - year - (todayMonthDay < monthDay ? 1 : 0);
}

/** What the UI may see: masked, nothing more than the screens need (architecture rule 3). */
export function sessionView(session: Session, today: Date): SessionView {
  const { identity } = session;
  return {
    id: session.id,
    maskedName: maskName(identity.name),
    maskedIdNumber: maskIdNumber(identity.idNumber),
    salutation: identity.sex === '1' ? 'male' : identity.sex === '2' ? 'female' : 'none',
    elder: ageOn(identity.birthDate, today) >= 60,
    startedAt: session.startedAt.toISOString(),
  };
}

/**
 * Holds at most one session. Ending it drops every reference to the identity (and overwrites the
 * object's fields, in case some closure still holds it) so nothing personal outlives the session.
 */
export function createSessionHolder(deps: SessionHolderDeps) {
  let current: { session: Session; identity: CardIdentity } | null = null;

  function wipe(identity: CardIdentity): void {
    const writable = identity as { -readonly [K in keyof CardIdentity]: string };
    for (const key of Object.keys(writable) as Array<keyof CardIdentity>) writable[key] = '';
  }

  return {
    current(): Session | null {
      return current?.session ?? null;
    },
    view(): SessionView | null {
      return current ? sessionView(current.session, deps.clock.now()) : null;
    },
    /** Opens a session; the caller checks none is active (a second card must not replace the first). */
    open(identity: CardIdentity, photo?: Uint8Array): Session {
      if (current) throw new Error('a session is already active');
      const copy: CardIdentity = { ...identity };
      const session: Session = {
        id: deps.newId(),
        identity: copy,
        ...(photo ? { photo: Uint8Array.from(photo) } : {}),
        startedAt: deps.clock.now(),
      };
      current = { session, identity: copy };
      deps.onStarted(sessionView(session, deps.clock.now()));
      return session;
    },
    /** Ends and wipes the session. Returns false when there was none. */
    end(reason: SessionEndReason): boolean {
      if (!current) return false;
      const { identity, session } = current;
      current = null;
      wipe(identity);
      session.photo?.fill(0);
      deps.onEnded(reason);
      return true;
    },
  };
}

export type SessionHolder = ReturnType<typeof createSessionHolder>;
