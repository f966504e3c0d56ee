import type { FaceHint, FaceOptions, FaceVerifyResult, VerifiedResponse } from '@tongban/device-bridge/api';
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, toPromise, type SnapshotFrom } from 'xstate';
import { faceCheckMachine, type FaceCheckEvent } from './face-check.machine.ts';

type Snapshot = SnapshotFrom<typeof faceCheckMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as FaceCheckEvent;

const offered: FaceOptions = { faceOffered: true, alternatives: ['staff'], attemptsLeft: 3, consented: false, verified: null };
const notOffered: FaceOptions = {
  faceOffered: false,
  reason: 'no-reference-photo',
  alternatives: ['staff'],
  attemptsLeft: 3,
  consented: false,
  verified: null,
};
const match: FaceVerifyResult = { decision: 'match', score: 0.84, attemptsLeft: 2 };
const noMatch: FaceVerifyResult = { decision: 'no-match', score: 0.2, attemptsLeft: 1 };
const lastNoMatch: FaceVerifyResult = { decision: 'no-match', score: 0.2, attemptsLeft: 0 };

const events: FaceCheckEvent[] = [
  { type: 'AGREE' },
  { type: 'CHOOSE_STAFF' },
  { type: 'STAFF_CODE', code: '135790' },
  { type: 'VERIFY' },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'CANCEL' },
  synthetic('xstate.done.actor.loadOptions', { output: offered }),
  synthetic('xstate.done.actor.loadOptions', { output: notOffered }),
  synthetic('xstate.error.actor.loadOptions', { error: { code: 'no-session' } }),
  synthetic('xstate.done.actor.giveConsent'),
  synthetic('xstate.done.actor.loadGuidance', { output: 'move-closer' }),
  synthetic('xstate.done.actor.verifyFace', { output: match }),
  synthetic('xstate.done.actor.verifyFace', { output: noMatch }),
  synthetic('xstate.done.actor.verifyFace', { output: lastNoMatch }),
  synthetic('xstate.done.actor.reloadOptions', { output: { ...offered, faceOffered: false, reason: 'no-attempts-left', attemptsLeft: 0 } }),
  synthetic('xstate.done.actor.confirmByStaff', { output: { method: 'staff', at: '2026-01-01T00:00:00Z' } }),
  synthetic('xstate.error.actor.confirmByStaff', { error: { code: 'staff-code-invalid' } }),
  synthetic('xstate.after.optionsPoll.faceCheck.choosing.idle'),
  synthetic('xstate.done.actor.pollOptions', { output: { ...offered, verified: { method: 'e-id', at: '2026-01-01T00:00:00Z' } } }),
];

const paths = getShortestPaths(faceCheckMachine, {
  events,
  serializeState: (state) =>
    JSON.stringify([
      state.value,
      state.context.options?.faceOffered ?? null,
      state.context.options?.verified?.method ?? null,
      state.context.result?.decision ?? null,
      state.context.staffError,
    ]),
});
const states = paths.map((path) => path.state as Snapshot);

describe('face check journey, generated paths', () => {
  it('reaches consent, capture, verification, staff code, verified and cancelled', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of [
      '{"choosing":"idle"}',
      '{"choosing":"polling"}',
      '"consenting"',
      '{"capturing":"guiding"}',
      '{"capturing":"waiting"}',
      '"verifying"',
      '"retry"',
      '"staffCode"',
      '"verified"',
      '"cancelled"',
      '"failed"',
    ]) {
      expect(values.has(value), value).toBe(true);
    }
  });

  it('never starts the camera without consent, and never when the bridge does not offer the face check', () => {
    for (const path of paths) {
      const visited = path.steps.map((step) => step.state as Snapshot);
      const capturing = visited.findIndex((state) => state.matches('capturing'));
      if (capturing < 0) continue;
      expect(
        visited.slice(0, capturing).some((state) => state.matches('consenting')),
        'consent before the camera',
      ).toBe(true);
      expect(visited[capturing]!.context.options?.faceOffered).toBe(true);
    }
  });

  it('is verified only by a match, a staff confirmation or a scanned e-ID the bridge accepted, and can always be left', () => {
    for (const state of states) {
      if (state.matches('verified')) {
        expect(['face', 'staff', 'e-id']).toContain(state.context.options?.verified?.method);
        expect(state.output).toEqual({ result: 'verified', method: state.context.options!.verified!.method });
      }
      if (state.matches('cancelled')) expect(state.output).toEqual({ result: 'cancelled' });
      if (state.status !== 'done') expect(state.can({ type: 'CANCEL' }), JSON.stringify(state.value)).toBe(true);
    }
  });

  it('offers the alternatives on the choosing screen whether or not the face is offered', () => {
    for (const state of states.filter((candidate) => candidate.matches('choosing'))) {
      expect(state.can({ type: 'CHOOSE_STAFF' })).toBe(true);
      expect(state.can({ type: 'AGREE' })).toBe(state.context.options?.faceOffered === true);
    }
  });
});

describe('face check on a simulated clock', () => {
  it('polls guidance while the camera shows, then verifies and ends verified by face', async () => {
    const clock = new SimulatedClock();
    let guidanceCalls = 0;
    const actor = createActor(
      faceCheckMachine.provide({
        actors: {
          loadOptions: fromPromise<FaceOptions>(async () => offered),
          giveConsent: fromPromise<void>(async () => {}),
          loadGuidance: fromPromise<FaceHint>(async () => (++guidanceCalls < 2 ? 'move-closer' : 'ready')),
          verifyFace: fromPromise<FaceVerifyResult>(async () => match),
          confirmByStaff: fromPromise<VerifiedResponse, { code: string }>(async () => ({ method: 'staff', at: '' })),
        },
      }),
      { clock },
    ).start();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(actor.getSnapshot().value).toEqual({ choosing: 'idle' });
    actor.send({ type: 'AGREE' });
    await settle();
    expect(actor.getSnapshot().context.hint).toBe('move-closer');
    clock.increment(900);
    await settle();
    expect(actor.getSnapshot().context.hint).toBe('ready');
    actor.send({ type: 'VERIFY' });
    expect(await toPromise(actor)).toEqual({ result: 'verified', method: 'face' });
  });
});
