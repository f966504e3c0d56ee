import { getShortestPaths } from '@xstate/graph';
import type { RecordListResponse, RecordView } from '@tongban/device-bridge/api';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { recordsMachine, type RecordsEvent } from './records.machine.ts';

type RecordsSnapshot = SnapshotFrom<typeof recordsMachine>;
const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as RecordsEvent;

const list: RecordListResponse = {
  records: [
    { type: 'social-insurance-contribution', title: '社会保险参保缴费证明', serviceCode: '330000-SB-001', available: true },
    { type: 'real-estate-registration', title: '不动产登记信息查询结果', serviceCode: '330000-BDC-001', available: false },
  ],
};
const record: RecordView = {
  type: 'social-insurance-contribution',
  title: '社会保险参保缴费证明',
  holderMaskedName: '张*',
  maskedIdNumber: '110105********1234',
  fields: [{ label: '参保状态', value: '正常参保' }],
  table: { columns: ['月份'], rows: [['2025-01']] },
  asOf: '2025-02-01',
};

const events: RecordsEvent[] = [
  { type: 'OPEN', recordType: 'social-insurance-contribution' },
  { type: 'BACK' },
  { type: 'RETRY' },
  { type: 'PRINT' },
  { type: 'CLOSE' },
  synthetic('xstate.done.actor.listRecords', { output: list }),
  synthetic('xstate.error.actor.listRecords', { error: { code: 'platform-unavailable' } }),
  synthetic('xstate.done.actor.loadRecord', { output: record }),
  synthetic('xstate.error.actor.loadRecord', { error: { code: 'record-not-found' } }),
];

const states = getShortestPaths(recordsMachine, {
  events,
  serializeState: (state) =>
    JSON.stringify([state.value, state.context.list !== null, state.context.record?.type ?? null, state.context.failure]),
}).map((path) => path.state as RecordsSnapshot);

const step = (state: RecordsSnapshot, event: RecordsEvent) => transition(recordsMachine, state, event)[0];

describe('records journey, generated paths', () => {
  it('reaches the list, a record, both failures, print and close', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of ['listing', 'choosing', 'opening', 'reading', 'failed', 'printing', 'closed']) {
      expect(values.has(JSON.stringify(value)), value).toBe(true);
    }
  });

  it('can be closed from every open state, handing back nothing to print', () => {
    for (const state of states.filter((candidate) => candidate.status === 'active')) {
      const closed = step(state, { type: 'CLOSE' });
      expect(closed.status, JSON.stringify(state.value)).toBe('done');
      expect(closed.output).toEqual({ print: null });
    }
  });

  it('hands the record on screen to the print journey, and only that one', () => {
    for (const state of states.filter((candidate) => candidate.matches('printing'))) {
      expect(state.output).toEqual({ print: 'social-insurance-contribution' });
    }
  });

  it('a record that is not found keeps the list to go back to', () => {
    const [start] = initialTransition(recordsMachine);
    const listed = step(start, synthetic('xstate.done.actor.listRecords', { output: list }));
    const opening = step(listed, { type: 'OPEN', recordType: 'social-insurance-contribution' });
    const missing = step(opening, synthetic('xstate.error.actor.loadRecord', { error: { code: 'record-not-found' } }));
    expect(missing.context.failure).toBe('record-not-found');
    expect(step(missing, { type: 'BACK' }).value).toBe('choosing');
  });
});
