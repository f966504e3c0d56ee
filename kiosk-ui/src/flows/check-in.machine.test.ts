import { getShortestPaths } from '@xstate/graph';
import type { AppointmentCheckInView, QueueTicket } from '@tongban/device-bridge/api';
import { createActor, fromPromise, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { checkInMachine, type CheckInEvent } from './check-in.machine.ts';

type CheckInSnapshot = SnapshotFrom<typeof checkInMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as CheckInEvent;

const appointment: AppointmentCheckInView['appointment'] = {
  id: 'YY000000000042',
  itemCode: '330100-HJ-00501-000',
  itemName: '居民身份证换领',
  hallName: '杭州市民中心政务服务大厅',
  window: 'B05',
  start: '2026-11-23T10:00:00+08:00',
  end: '2026-11-23T10:30:00+08:00',
  state: 'booked',
};
const ticket: QueueTicket = {
  number: 'B007',
  category: 'household',
  hallName: appointment.hallName,
  windows: ['B12'],
  ahead: 2,
  issuedAt: '2026-11-23T09:40:00+08:00',
  printed: true,
};

const events: CheckInEvent[] = [
  { type: 'CHECK_IN' },
  { type: 'RETRY' },
  { type: 'DONE' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.findAppointment', { output: { appointment, checkIn: 'open' } }),
  synthetic('xstate.done.actor.findAppointment', { output: { appointment, checkIn: 'not-today' } }),
  synthetic('xstate.done.actor.findAppointment', { output: { appointment: { ...appointment, state: 'attended' }, checkIn: 'checked-in' } }),
  synthetic('xstate.error.actor.findAppointment', { error: { code: 'appointment-not-found' } }),
  synthetic('xstate.done.actor.checkIn', { output: ticket }),
  synthetic('xstate.error.actor.checkIn', { error: { code: 'appointment-too-late' } }),
];
const serialize = (state: CheckInSnapshot) =>
  JSON.stringify([state.value, state.context.found?.checkIn ?? null, state.context.ticket?.number ?? null, state.context.failure]);
const states = getShortestPaths(checkInMachine, { events, serializeState: serialize, input: { appointmentId: appointment.id } }).map(
  (path) => path.state as CheckInSnapshot,
);
const step = (state: CheckInSnapshot, event: CheckInEvent) => transition(checkInMachine, state, event)[0];

describe('appointment check-in, generated paths', () => {
  it('reaches every step: the appointment, its ticket, each reason why not', () => {
    const values = new Set<string>(states.map((state) => String(state.value)));
    for (const value of ['looking', 'showing', 'notOpen', 'checkingIn', 'refused', 'failed', 'ticket', 'finished', 'closed'])
      expect(values.has(value), value).toBe(true);
  });

  it('offers 签到取号 only for an appointment open for check-in now', () => {
    for (const state of states.filter((candidate) => candidate.matches('checkingIn'))) {
      expect(state.context.found?.checkIn).toBe('open');
    }
    for (const state of states.filter((candidate) => candidate.matches('notOpen'))) {
      expect(step(state, { type: 'CHECK_IN' }).value).toBe('notOpen');
      expect(state.context.found?.checkIn).not.toBe('open');
    }
  });

  it('a ticket is only ever the one the bridge gave', () => {
    for (const state of states.filter((candidate) => candidate.context.ticket !== null)) expect(state.context.ticket).toEqual(ticket);
    for (const state of states.filter((candidate) => candidate.matches('refused') || candidate.matches('failed'))) {
      expect(state.context.ticket).toBeNull();
      expect(state.context.failure).toMatch(/^appointment-/);
    }
  });

  it('can be left at every step except while the number is being taken', () => {
    for (const state of states.filter((candidate) => candidate.status === 'active')) {
      expect(step(state, { type: 'CLOSE' }).status === 'done', JSON.stringify(state.value)).toBe(!state.matches('checkingIn'));
    }
  });
});

describe('appointment check-in, interpreted', () => {
  it('looks the scanned code up, checks it in with one tap and shows the number', async () => {
    const calls: string[] = [];
    const actor = createActor(
      checkInMachine.provide({
        actors: {
          findAppointment: fromPromise(async ({ input }: { input: { appointmentId: string } }) => {
            calls.push(`find ${input.appointmentId}`);
            return { appointment, checkIn: 'open' } as AppointmentCheckInView;
          }),
          checkIn: fromPromise(async ({ input }: { input: { appointmentId: string } }) => {
            calls.push(`check-in ${input.appointmentId}`);
            return ticket;
          }),
        },
      }),
      { input: { appointmentId: appointment.id } },
    ).start();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(actor.getSnapshot().value).toBe('showing');
    actor.send({ type: 'CHECK_IN' });
    await settle();
    expect(actor.getSnapshot().value).toBe('ticket');
    expect(calls).toEqual([`find ${appointment.id}`, `check-in ${appointment.id}`]);
    actor.send({ type: 'DONE' });
    expect(actor.getSnapshot().status).toBe('done');
  });
});
