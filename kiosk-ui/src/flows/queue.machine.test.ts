import { getShortestPaths } from '@xstate/graph';
import type { QueueTicket } from '@tongban/device-bridge/api';
import { transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { catalogue } from './guides.fixtures.ts';
import { queueMachine, type QueueEvent } from './queue.machine.ts';

type QueueSnapshot = SnapshotFrom<typeof queueMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as QueueEvent;
const ticket: QueueTicket = {
  number: 'A023',
  category: 'social-insurance',
  hallName: '测试大厅',
  windows: ['B12', 'B13'],
  ahead: 4,
  issuedAt: '2025-01-01T09:00:00+08:00',
  printed: true,
};

const states = getShortestPaths(queueMachine, {
  events: [
    { type: 'TAKE', category: 'social-insurance' },
    { type: 'BACK' },
    { type: 'RETRY' },
    { type: 'DONE' },
    { type: 'CLOSE' },
    synthetic('xstate.done.actor.searchCatalogue', { output: catalogue }),
    synthetic('xstate.error.actor.searchCatalogue', { error: { code: 'platform-unavailable' } }),
    synthetic('xstate.done.actor.takeNumber', { output: ticket }),
    synthetic('xstate.error.actor.takeNumber', { error: { code: 'queue-ticket-exists' } }),
  ],
}).map((path) => path.state as QueueSnapshot);

describe('queue journey, generated paths', () => {
  it('reaches the categories, a ticket, a refusal, a failure and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['loading', 'choosing', 'taking', 'ticket', 'refused', 'failed', 'closed'])
      expect(values.has(JSON.stringify(value)), value).toBe(true);
  });

  it('shows a ticket only once the bridge gave one, and a refusal keeps its reason until back', () => {
    for (const state of states) {
      if (state.matches('ticket')) expect(state.context.ticket?.number).toBe('A023');
      if (state.matches('refused')) expect(state.context.failure).toBe('queue-ticket-exists');
    }
  });

  it('can be left from every state except while the number is being taken', () => {
    for (const state of states.filter((candidate) => candidate.status === 'active')) {
      expect(transition(queueMachine, state, { type: 'CLOSE' })[0].status === 'done', JSON.stringify(state.value)).toBe(
        !state.matches('taking'),
      );
    }
  });
});
