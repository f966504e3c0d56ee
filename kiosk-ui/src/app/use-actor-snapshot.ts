import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/**
 * Re-renders on every snapshot of a journey's child actor. The session's own snapshot does not
 * change when a child moves, so a journey screen subscribes to its child directly.
 */
export function useActorSnapshot<T extends AnyActorRef>(actor: T): SnapshotFrom<T> {
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot() as SnapshotFrom<T>);
  useEffect(() => {
    const subscription = actor.subscribe((next: SnapshotFrom<T>) => setSnapshot(next));
    setSnapshot(actor.getSnapshot() as SnapshotFrom<T>);
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
