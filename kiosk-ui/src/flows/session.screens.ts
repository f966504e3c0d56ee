import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { SessionMachine } from './session.machine.ts';
import type { ScreenName } from './screen-names.ts';
import type { GuidesMachine } from './guides.machine.ts';
import type { ApplyMachine } from './apply.machine.ts';
import type { ProgressMachine } from './progress.machine.ts';
import type { QueueMachine } from './queue.machine.ts';
import type { AppointmentMachine } from './appointment.machine.ts';
import type { CheckInMachine } from './check-in.machine.ts';
import type { RecordsMachine } from './records.machine.ts';
import type { PrintMachine } from './print.machine.ts';

export type GuidesActorRef = ActorRefFrom<GuidesMachine>;
export type RecordsActorRef = ActorRefFrom<RecordsMachine>;
export type ProgressActorRef = ActorRefFrom<ProgressMachine>;
export type ApplyActorRef = ActorRefFrom<ApplyMachine>;
export type QueueActorRef = ActorRefFrom<QueueMachine>;
export type AppointmentActorRef = ActorRefFrom<AppointmentMachine>;
export type CheckInActorRef = ActorRefFrom<CheckInMachine>;
export type PrintActorRef = ActorRefFrom<PrintMachine>;

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
  if (snapshot.matches({ inSession: { flow: 'records' } })) return 'records';
  if (snapshot.matches({ inSession: { flow: 'progress' } })) return 'progress';
  if (snapshot.matches({ inSession: { flow: 'apply' } })) return 'apply';
  if (snapshot.matches({ inSession: { flow: 'queue' } })) return 'queue';
  // 预约签到 from the attract screen is about an appointment too: the same screen name (and its voice)
  if (snapshot.matches({ inSession: { flow: 'appointment' } }) || snapshot.matches('checkingIn')) return 'appointment';
  // the print journey moves through the preview, printing and error screens; the step is the one it is on
  if (snapshot.matches({ inSession: { flow: 'print' } })) return snapshot.context.step;
  if (snapshot.matches({ inSession: { flow: 'takeDocument' } })) return 'take-document';
  if (snapshot.matches({ inSession: { flow: 'rating' } })) return 'rating';
  // starting, attract and timingOut (the session is already forgotten)
  return 'attract';
}

/** A citizen is identified: the exit button, the masked greeting in the header and the idle watch apply. */
export function isIdentified(snapshot: SessionSnapshot): boolean {
  return snapshot.matches('inSession');
}

/** A running journey (child actor) by its invoke id, when its screen is up. */
function childOf<T>(snapshot: SessionSnapshot, id: string): T | null {
  const child = (snapshot.children as Record<string, unknown>)[id];
  return (child as T | undefined) ?? null;
}

export const guidesActorOf = (snapshot: SessionSnapshot) => childOf<GuidesActorRef>(snapshot, 'guides');
export const recordsActorOf = (snapshot: SessionSnapshot) => childOf<RecordsActorRef>(snapshot, 'records');
export const applyActorOf = (snapshot: SessionSnapshot) => childOf<ApplyActorRef>(snapshot, 'apply');
export const appointmentActorOf = (snapshot: SessionSnapshot) => childOf<AppointmentActorRef>(snapshot, 'appointment');
export const checkInActorOf = (snapshot: SessionSnapshot) => childOf<CheckInActorRef>(snapshot, 'checkIn');
export const queueActorOf = (snapshot: SessionSnapshot) => childOf<QueueActorRef>(snapshot, 'queue');
export const progressActorOf = (snapshot: SessionSnapshot) => childOf<ProgressActorRef>(snapshot, 'progress');
export const printActorOf = (snapshot: SessionSnapshot) => childOf<PrintActorRef>(snapshot, 'print');

export function isCountdownShown(snapshot: SessionSnapshot): boolean {
  return snapshot.matches({ inSession: { idle: 'countdown' } });
}
