import { createListeners } from '../listeners.ts';
import type { SerialLine } from './serial-line.ts';
import type { TrafficRecord } from './traffic-recorder.ts';

/**
 * A line that plays a recording back to a driver: each time the driver writes, its bytes must be
 * the next recorded `tx`; then the `rx` chunks recorded after it arrive, in their original
 * chunking. A driver that sends something else is a regression: it is noted in `mismatches`
 * and the replay stops answering; past the end of the recording it stays silent. Timing is not
 * replayed (regressions here are about bytes and decisions).
 */
export interface ReplayLine {
  line: SerialLine;
  mismatches: string[];
  /** every recorded record has been played */
  finished(): boolean;
}

export function createReplayLine(records: TrafficRecord[]): ReplayLine {
  const dataListeners = createListeners<Uint8Array>();
  const closeListeners = createListeners<Error | null>();
  const mismatches: string[] = [];
  let index = 0;
  let open = true;

  // rx recorded before the first tx (a device talking first) is delivered at once
  function deliverReplies(): void {
    const chunks: Uint8Array[] = [];
    while (index < records.length && records[index]!.dir === 'rx') {
      chunks.push(Uint8Array.from(Buffer.from(records[index]!.hex, 'hex')));
      index += 1;
    }
    for (const chunk of chunks) setImmediate(() => open && dataListeners.emit(chunk));
  }
  setImmediate(deliverReplies);

  const line: SerialLine = {
    get isOpen() {
      return open;
    },
    async write(bytes) {
      if (!open) throw new Error('replay line closed');
      if (mismatches.length > 0) return;
      // past the end of the recording the device simply stays silent
      if (index >= records.length) return;
      const expected = records[index];
      const sent = Buffer.from(bytes).toString('hex');
      if (expected?.dir !== 'tx' || expected.hex !== sent) {
        mismatches.push(
          `record ${index + 1}: driver sent ${sent}, recording has ${expected ? `${expected.dir} ${expected.hex}` : 'nothing'}`,
        );
        return;
      }
      index += 1;
      deliverReplies();
    },
    onData: (listener) => dataListeners.add(listener),
    onClose: (listener) => closeListeners.add(listener),
    async close() {
      if (!open) return;
      open = false;
      closeListeners.emit(null);
    },
  };
  return { line, mismatches, finished: () => index >= records.length };
}
