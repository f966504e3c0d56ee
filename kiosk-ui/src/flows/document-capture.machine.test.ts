import type { MaterialCaptureView } from '@tongban/device-bridge/api';
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, toPromise, type SnapshotFrom } from 'xstate';
import { documentCaptureMachine, type DocumentCaptureEvent } from './document-capture.machine.ts';

type Snapshot = SnapshotFrom<typeof documentCaptureMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as DocumentCaptureEvent;
const page = (index: number) => ({ index, width: 1240, height: 1754, bytes: 180_000, cropped: true });
const view = (pages: number): MaterialCaptureView => ({
  captureId: 'c-1',
  materialId: 'hukou',
  pages: Array.from({ length: pages }, (_, i) => page(i)),
});

const events: DocumentCaptureEvent[] = [
  { type: 'TAKE' },
  { type: 'RETAKE', index: 0 },
  { type: 'RETAKE', index: 5 },
  { type: 'REMOVE', index: 0 },
  { type: 'DONE' },
  { type: 'NEXT_PAGE' },
  { type: 'RETRY' },
  { type: 'CANCEL' },
  synthetic('xstate.done.actor.startCapture', { output: view(0) }),
  synthetic('xstate.error.actor.startCapture', { error: { code: 'no-session' } }),
  synthetic('xstate.done.actor.takePage', { output: view(1) }),
  synthetic('xstate.error.actor.takePage', { error: { code: 'device-unavailable' } }),
  synthetic('xstate.done.actor.retakePage', { output: view(1) }),
  synthetic('xstate.done.actor.removePage', { output: view(0) }),
  synthetic('xstate.done.actor.discardCapture'),
];

const paths = getShortestPaths(documentCaptureMachine, {
  input: { materialId: 'hukou', materialName: '户口簿' },
  events,
  serializeState: (state) => JSON.stringify([state.value, state.context.capture?.pages.length ?? null, state.context.failure]),
});
const states = paths.map((path) => path.state as Snapshot);

describe('document capture journey, generated paths', () => {
  it('reaches preview, taking, review, retake, remove, failure, done and cancelled', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['previewing', 'taking', 'reviewing', 'retaking', 'removing', 'failed', 'done', 'cancelled']) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('finishes only with at least one page, and a cancelled capture hands over nothing', () => {
    for (const state of states) {
      if (state.matches('done'))
        expect(state.output).toEqual({ result: 'captured', captureId: 'c-1', pages: state.context.capture!.pages.length });
      if (state.matches('done')) expect(state.context.capture!.pages.length).toBeGreaterThan(0);
      if (state.matches('cancelled')) expect(state.output).toEqual({ result: 'cancelled' });
      if (state.status !== 'done') expect(state.can({ type: 'CANCEL' })).toBe(true);
      if (state.matches('failed')) expect(state.can({ type: 'RETRY' })).toBe(true);
    }
  });
});

describe('document capture with actors', () => {
  it('takes two pages, retakes the first, and hands over the capture id', async () => {
    let pages = 0;
    const retaken: number[] = [];
    const actor = createActor(
      documentCaptureMachine.provide({
        actors: {
          startCapture: fromPromise(async () => view(0)),
          takePage: fromPromise(async () => view(++pages)),
          retakePage: fromPromise(async ({ input }: { input: { captureId: string; index: number } }) => {
            retaken.push(input.index);
            return view(pages);
          }),
          removePage: fromPromise(async () => view(--pages)),
          discardCapture: fromPromise<void, { captureId: string }>(async () => {}),
        },
      }),
      { input: { materialId: 'hukou', materialName: '户口簿' } },
    ).start();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    actor.send({ type: 'TAKE' });
    await settle();
    actor.send({ type: 'NEXT_PAGE' });
    actor.send({ type: 'TAKE' });
    await settle();
    actor.send({ type: 'RETAKE', index: 0 });
    await settle();
    expect(retaken).toEqual([0]);
    actor.send({ type: 'DONE' });
    expect(await toPromise(actor)).toEqual({ result: 'captured', captureId: 'c-1', pages: 2 });
  });
});
