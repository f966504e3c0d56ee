import type { Clock } from '../../time/clock.ts';
import type { CodeScanner } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createSimulatedLinkDevice, type SimulatedLinkDevice } from '../simulated-link.ts';
import { checkScanText } from './scan-text.ts';

/**
 * The QR / barcode scanner as `npm start` and integration tests see it. A code shown to an
 * unplugged (or stopped) scanner is simply not seen: it is dropped, not delivered later, exactly
 * as with a real imager, so nobody's old code pops up when the cable goes back in.
 */
export interface SimulatedScanner extends CodeScanner, SimulatedLinkDevice<'scanner'> {
  scan(data: string): void;
}

export function createSimulatedScanner(options: { clock: Pick<Clock, 'now'> }): SimulatedScanner {
  const link = createSimulatedLinkDevice('scanner', options);
  const scanListeners = createListeners<string>();
  return Object.assign(link, {
    onScan: (listener: (data: string) => void) => scanListeners.add(listener),
    scan(data: string) {
      // the same untrusted-text rules as the real drivers: a code they would drop is dropped here
      if (link.isLive() && checkScanText(data).ok) scanListeners.emit(data);
    },
  });
}
