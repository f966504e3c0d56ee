import type { Clock } from '../time/clock.ts';
import { createMemoryA4Printer, type MemoryA4Printer } from './a4-printer/memory.ts';
import { createMemoryCamera, type MemoryCamera } from './camera/memory.ts';
import type { DeviceSet } from './device.ts';
import { createMemoryIdReader, type MemoryIdReader } from './id-reader/memory.ts';
import { createMemoryReceiptPrinter, type MemoryReceiptPrinter } from './receipt-printer/memory.ts';
import { createMemoryScanner, type MemoryScanner } from './scanner/memory.ts';

/** A full device set of in-memory fakes, typed so a test can reach each fake's hooks. */
export interface MemoryDeviceSet extends DeviceSet {
  'id-reader': MemoryIdReader;
  scanner: MemoryScanner;
  'a4-printer': MemoryA4Printer;
  'receipt-printer': MemoryReceiptPrinter;
  camera: MemoryCamera<'camera'>;
  'document-camera': MemoryCamera<'document-camera'>;
}

/** Six ready in-memory devices for unit tests of the session, routes and health code. */
export function createMemoryDevices(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryDeviceSet {
  return {
    'id-reader': createMemoryIdReader(options),
    scanner: createMemoryScanner(options),
    'a4-printer': createMemoryA4Printer(options),
    'receipt-printer': createMemoryReceiptPrinter(options),
    camera: createMemoryCamera('camera', options),
    'document-camera': createMemoryCamera('document-camera', options),
  };
}
