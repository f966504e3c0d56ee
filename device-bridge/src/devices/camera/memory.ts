import type { Clock } from '../../time/clock.ts';
import type { Camera } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/** An in-memory camera (face or document) for unit tests: the test pushes frames and stills. */
export interface MemoryCamera<Id extends Camera['id']> extends Camera, MemoryDeviceBase<Id> {
  readonly id: Id;
  /** delivers a preview frame to whoever watches */
  pushFrame(jpeg: Buffer): void;
  /** the next captureStill() returns this (or fails with it) */
  queueStill(result: Buffer | Error): void;
  readonly watchers: number;
}

export function createMemoryCamera<Id extends Camera['id']>(id: Id, options: { clock?: Pick<Clock, 'now'> } = {}): MemoryCamera<Id> {
  const base = createMemoryDeviceBase(id, options);
  const frames = createListeners<Buffer>();
  const stills: Array<Buffer | Error> = [];
  const camera: Omit<MemoryCamera<Id>, keyof MemoryDeviceBase<Id>> = {
    onFrame: (listener) => frames.add(listener),
    async captureStill() {
      const next = stills.shift();
      if (!next) throw new Error(`${id}: no still queued in the memory camera`);
      if (next instanceof Error) throw next;
      return next;
    },
    pushFrame: (jpeg) => frames.emit(jpeg),
    queueStill: (result) => void stills.push(result),
    get watchers() {
      return frames.size;
    },
  };
  // Extend the base in place: spreading it would freeze its `started` getter at false.
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(camera)) as MemoryCamera<Id>;
}
