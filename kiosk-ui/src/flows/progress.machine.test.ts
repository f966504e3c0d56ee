import { getShortestPaths } from '@xstate/graph';
import type { ApplicationListResponse } from '@tongban/device-bridge/api';
import { transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { progressMachine, type ProgressEvent } from './progress.machine.ts';

type ProgressSnapshot = SnapshotFrom<typeof progressMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as ProgressEvent;

const list: ApplicationListResponse = {
  live: true,
  applications: [
    {
      caseNumber: '330000-2025-000001',
      caseNumberKind: 'platform',
      localNumber: null,
      itemCode: '330000-HJ-002',
      itemName: '户口迁入',
      state: 'in-review',
      submittedAt: '2025-01-02T10:00:00+08:00',
      office: '测试派出所',
      timeline: [{ state: 'received', at: '2025-01-02T10:00:00+08:00', office: '测试派出所' }],
      channel: 'kiosk',
    },
  ],
};

const events: ProgressEvent[] = [
  { type: 'OPEN', caseNumber: '330000-2025-000001' },
  { type: 'OPEN', caseNumber: 'someone-else' },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.listApplications', { output: list }),
  synthetic('xstate.error.actor.listApplications', { error: { code: 'platform-unavailable' } }),
];

const states = getShortestPaths(progressMachine, { events }).map((path) => path.state as ProgressSnapshot);

describe('progress journey, generated paths', () => {
  it('reaches the list, a case, the failure and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['loading', 'list', 'case', 'failed', 'closed']) expect(values.has(JSON.stringify(value)), value).toBe(true);
  });

  it("opens only a case that is in the citizen's own list", () => {
    for (const state of states.filter((candidate) => candidate.matches('case'))) {
      expect(state.context.list?.applications.map((application) => application.caseNumber)).toContain(state.context.caseNumber);
    }
    const listed = states.find((state) => state.matches('list'))!;
    expect(transition(progressMachine, listed, { type: 'OPEN', caseNumber: 'someone-else' })[0].value).toBe('list');
  });

  it('can be closed from every open state', () => {
    for (const state of states.filter((candidate) => candidate.status === 'active')) {
      expect(transition(progressMachine, state, { type: 'CLOSE' })[0].status).toBe('done');
    }
  });
});
