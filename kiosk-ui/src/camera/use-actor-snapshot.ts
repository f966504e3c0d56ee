import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** Re-renders on every snapshot of a (child) actor. */
export function useActorSnapshot<Actor extends AnyActorRef>(actor: Actor): SnapshotFrom<Actor> {
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot() as SnapshotFrom<Actor>);
  useEffect(() => {
    const subscription = actor.subscribe((next: SnapshotFrom<Actor>) => setSnapshot(next));
    setSnapshot(actor.getSnapshot() as SnapshotFrom<Actor>);
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
