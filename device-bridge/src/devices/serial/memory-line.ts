import { createListeners } from '../listeners.ts';
import type { SerialLine } from './serial-line.ts';

/**
 * Two ends of an in-memory cable: bytes written on one end arrive on the other, asynchronously
 * (on a later microtask-free tick, like a real port) and in the chunks they were written.
 * `npm start` puts a protocol simulator on one end and the real driver on the other, so the same
 * driver code runs as on hardware. `unplug()` ends both ends with an error, like pulling the cable.
 */
export interface MemoryLinePair {
  host: SerialLine;
  device: SerialLine;
  unplug(): void;
}

export function createMemoryLinePair(): MemoryLinePair {
  const ends = [createEnd(), createEnd()] as const;
  ends[0].peer = ends[1];
  ends[1].peer = ends[0];
  return {
    host: ends[0].line,
    device: ends[1].line,
    unplug() {
      const error = new Error('cable unplugged');
      ends[0].end(error);
      ends[1].end(error);
    },
  };
}

interface End {
  line: SerialLine;
  peer: End | null;
  deliver(chunk: Uint8Array): void;
  end(error: Error | null): void;
}

function createEnd(): End {
  const dataListeners = createListeners<Uint8Array>();
  const closeListeners = createListeners<Error | null>();
  let open = true;
  const self: End = {
    peer: null,
    deliver(chunk) {
      if (open) dataListeners.emit(chunk);
      // lent to the listeners (SerialLine.onData): on a SAM line it holds card data
      chunk.fill(0);
    },
    end(error) {
      if (!open) return;
      open = false;
      closeListeners.emit(error);
    },
    line: {
      get isOpen() {
        return open;
      },
      write(bytes) {
        if (!open) return Promise.reject(new Error('line is not open'));
        const copy = Uint8Array.from(bytes);
        const peer = self.peer;
        setImmediate(() => peer?.deliver(copy));
        return Promise.resolve();
      },
      onData: (listener) => dataListeners.add(listener),
      onClose: (listener) => closeListeners.add(listener),
      async close() {
        self.end(null);
        // the far end sees the cable go away, as a device would
        self.peer?.end(new Error('the other end closed the line'));
      },
    },
  };
  return self;
}
