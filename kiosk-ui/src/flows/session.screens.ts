import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { SessionMachine } from './session.machine.ts';
import type { ScreenName } from './screen-names.ts';
import type { GuidesMachine } from './guides.machine.ts';

export type GuidesActorRef = ActorRefFrom<GuidesMachine>;

export { screenNames, type ScreenName } from './screen-names.ts';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** Which screen a flow state shows. Kept apart from the machine so the machine stays about behaviour. */
export function screenOf(snapshot: SessionSnapshot): ScreenName {
  if (snapshot.matches('cardReading')) return 'card-reading';
  if (snapshot.matches('cardRejected')) return 'card-rejected';
  if (snapshot.matches('outOfService')) return 'out-of-service';
  // exiting shows goodbye at once; the DELETE finishes behind it
  if (snapshot.matches('exiting') || snapshot.matches('goodbye')) return 'goodbye';
  if (snapshot.matches({ inSession: { flow: 'greeting' } })) return 'greeting';
  if (snapshot.matches({ inSession: { flow: 'menu' } })) return 'menu';
  if (snapshot.matches('browsingGuides') || snapshot.matches({ inSession: { flow: 'guides' } })) return 'guides';
  if (snapshot.matches({ inSession: { flow: 'preview' } })) return 'certificate-preview';
  if (snapshot.matches({ inSession: { flow: 'printing' } })) return 'printing';
  if (snapshot.matches({ inSession: { flow: 'takeDocument' } })) return 'take-document';
  if (snapshot.matches({ inSession: { flow: 'rating' } })) return 'rating';
  if (snapshot.matches({ inSession: { flow: 'failed' } })) return 'error';
  // starting, attract and timingOut (the session is already forgotten)
  return 'attract';
}

/** A citizen is identified: the exit button, the masked greeting in the header and the idle watch apply. */
export function isIdentified(snapshot: SessionSnapshot): boolean {
  return snapshot.matches('inSession');
}

/** The running 办事指南 journey, when the guides screen is up. */
export function guidesActorOf(snapshot: SessionSnapshot): GuidesActorRef | null {
  const child = (snapshot.children as Record<string, unknown>)['guides'];
  return (child as GuidesActorRef | undefined) ?? null;
}

export function isCountdownShown(snapshot: SessionSnapshot): boolean {
  return snapshot.matches({ inSession: { idle: 'countdown' } });
}
