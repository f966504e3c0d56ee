import { getShortestPaths } from '@xstate/graph';
import { createActor, fromPromise, SimulatedClock, type SnapshotFrom } from 'xstate';
import type { CatalogueQuery } from '@tongban/device-bridge/api';
import { describe, expect, it } from 'vitest';
import { catalogue, guideItem } from './guides.fixtures.ts';
import { guidesMachine, type GuidesEvent } from './guides.machine.ts';

type GuidesSnapshot = SnapshotFrom<typeof guidesMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as GuidesEvent;

const events: GuidesEvent[] = [
  { type: 'SET_QUERY', query: 'sbcb' },
  { type: 'SET_CATEGORY', category: 'social-insurance' },
  { type: 'SET_CATEGORY', category: null },
  { type: 'OPEN', code: guideItem.code },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.searchCatalogue', { output: catalogue }),
  synthetic('xstate.error.actor.searchCatalogue', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.loadItem', { output: guideItem }),
  synthetic('xstate.error.actor.loadItem', { error: { code: 'item-not-found' } }),
  synthetic('xstate.after.searchPause.guides.typing'),
];

const paths = getShortestPaths(guidesMachine, {
  events,
  serializeState: (state) =>
    JSON.stringify([state.value, state.context.query, state.context.category, state.context.item?.code ?? null, state.context.failure]),
});
const states = paths.map((path) => path.state as GuidesSnapshot);

describe('guides journey, generated paths', () => {
  it('reaches searching, typing, the list, a guide, a failure and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['searching', 'typing', 'list', 'opening', 'reading', 'failed', 'closed']) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('can be closed from every state, and closing ends the journey', () => {
    for (const state of states.filter((candidate) => candidate.status !== 'done')) {
      expect(state.can({ type: 'CLOSE' }), JSON.stringify(state.value)).toBe(true);
    }
    const closed = states.filter((state) => state.matches('closed'));
    expect(closed.length).toBeGreaterThan(0);
    for (const state of closed) expect(state.status).toBe('done');
  });

  it('shows a guide only while reading it, and every failure offers a retry', () => {
    for (const state of states) {
      if (state.matches('reading')) expect(state.context.item?.code).toBe(guideItem.code);
      if (state.matches('list')) expect(state.context.item).toBeNull();
      if (state.matches('failed')) expect(state.can({ type: 'RETRY' })).toBe(true);
    }
  });
});

describe('guides journey on a simulated clock', () => {
  it('searches once after typing pauses, with the query and category given', async () => {
    const clock = new SimulatedClock();
    const queries: CatalogueQuery[] = [];
    const actor = createActor(
      guidesMachine.provide({
        actors: {
          searchCatalogue: fromPromise(async ({ input }: { input: CatalogueQuery }) => {
            queries.push(input);
            return catalogue;
          }),
          loadItem: fromPromise(async () => guideItem),
        },
      }),
      { clock },
    ).start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actor.getSnapshot().value).toBe('list');
    for (const query of ['s', 'sb', 'sbc', 'sbcb']) {
      actor.send({ type: 'SET_QUERY', query });
      clock.increment(100);
    }
    expect(queries).toEqual([{}]);
    clock.increment(400);
    await new Promise((resolve) => setTimeout(resolve, 0));
    actor.send({ type: 'SET_CATEGORY', category: 'social-insurance' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queries).toEqual([{}, { q: 'sbcb' }, { q: 'sbcb', category: 'social-insurance' }]);
    actor.send({ type: 'OPEN', code: guideItem.code });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actor.getSnapshot().value).toBe('reading');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('list');
  });
});
