import { describe, expect, it } from 'vitest';
import type { PrinterCondition } from '../api/index.ts';
import { printerHoldReason, printerStatus } from './printer-status.ts';

describe('printer status', () => {
  const table: [PrinterCondition, boolean, string, string | undefined, string | null][] = [
    // condition, connected → state, reason, why a job would wait
    ['ready', true, 'ready', undefined, null],
    ['paper-low', true, 'degraded', 'paper-low', null],
    ['paper-out', true, 'fault', 'paper-out', 'paper-out'],
    ['cover-open', true, 'fault', 'cover-open', 'cover-open'],
    ['jam', true, 'fault', 'jam', 'jam'],
    ['offline', true, 'disconnected', 'offline', 'offline'],
    ['ready', false, 'disconnected', undefined, 'disconnected'],
    ['paper-out', false, 'disconnected', undefined, 'disconnected'],
  ];

  it.each(table)('%s, connected=%s → %s (%s)', (condition, connected, state, reason, holdReason) => {
    expect(printerStatus(condition, connected)).toEqual(reason === undefined ? { state } : { state, reason });
    expect(printerHoldReason(condition, connected)).toBe(holdReason);
  });
});
