import type { Clock } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/** An in-memory scanner for unit tests: `scan` delivers the code at once, whatever the status says. */
export interface MemoryScanner extends CodeScanner, MemoryDeviceBase<'scanner'> {
  scan(data: string): void;
}

export function createMemoryScanner(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryScanner {
  const base = createMemoryDeviceBase('scanner', options);
  const scanListeners = createListeners<string>();
  return Object.assign(base, {
    id: 'scanner' as const,
    onScan: (listener: (data: string) => void) => scanListeners.add(listener),
    scan: (data: string) => scanListeners.emit(data),
  });
}
