import { useEffect, useState } from 'preact/hooks';
import type { SessionSnapshot } from '../flows/session.screens.ts';
import type { SessionActor } from './kiosk-runtime.ts';

/** Re-renders on every snapshot of the session actor. */
export function useSessionSnapshot(actor: SessionActor): SessionSnapshot {
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot());
  useEffect(() => {
    const subscription = actor.subscribe(setSnapshot);
    setSnapshot(actor.getSnapshot());
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
