import type { Clock } from '../../time/clock.ts';
import type { Camera } from '../device.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/** An in-memory camera (face or document) for unit tests: its status is whatever the test sets. */
export interface MemoryCamera<Id extends Camera['id']> extends Camera, MemoryDeviceBase<Id> {
  readonly id: Id;
}

export function createMemoryCamera<Id extends Camera['id']>(id: Id, options: { clock?: Pick<Clock, 'now'> } = {}): MemoryCamera<Id> {
  return createMemoryDeviceBase(id, options);
}
