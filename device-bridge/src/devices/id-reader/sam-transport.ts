import type { Clock } from '../../time/clock.ts';
import type { SerialLine } from '../serial/serial-line.ts';
import { encodeRequest, parseResponse, type SamCommandName, type SamResponse } from './codec/commands.ts';
import { createFrameDecoder, type MalformedProblem } from './codec/frame.ts';

export type Exchange =
  | { kind: 'answer'; response: SamResponse }
  /** no whole answer within the command's timeout */
  | { kind: 'timeout' }
  /** the answer arrived damaged (bad checksum, impossible length) */
  | { kind: 'corrupt'; problem: MalformedProblem }
  /** the line went away while waiting */
  | { kind: 'lost' };

export interface TrafficTap {
  /** every byte that went out (tx) or came in (rx), as it passed */
  (direction: 'tx' | 'rx', bytes: Uint8Array): void;
}

export interface SamTransport {
  /** sends one command and waits for its answer; exactly one command is ever in flight */
  exchange(command: SamCommandName, timeoutMs: number, data?: Uint8Array): Promise<Exchange>;
  /** malformed stretches seen outside any exchange (line noise, late answers) */
  onStray(listener: (problem: MalformedProblem | 'unexpected-frame') => void): void;
  close(): void;
}

/**
 * One command at a time over a SAM line (the module is strictly request/response). Bytes arrive
 * in any chunking; the frame decoder assembles them. A command whose answer does not come within
 * its timeout ends as `timeout` and the partial bytes are dropped, so a late answer is counted as
 * stray instead of being taken for the next command's.
 */
export function createSamTransport(line: SerialLine, clock: Clock, tap?: TrafficTap): SamTransport {
  const decoder = createFrameDecoder();
  let waiting: ((exchange: Exchange) => void) | null = null;
  let strayListener: (problem: MalformedProblem | 'unexpected-frame') => void = () => undefined;

  const offData = line.onData((chunk) => {
    tap?.('rx', chunk);
    for (const item of decoder.push(chunk)) {
      const settle = waiting;
      if (item.kind === 'frame') {
        const response = parseResponse(item.payload);
        if (settle && response) {
          waiting = null;
          settle({ kind: 'answer', response });
        } else {
          // a late answer (after its command timed out) may be a whole card read: wipe it
          item.payload.fill(0);
          strayListener('unexpected-frame');
        }
      } else if (settle && item.problem !== 'garbage') {
        waiting = null;
        settle({ kind: 'corrupt', problem: item.problem });
      } else strayListener(item.problem);
    }
  });
  const offClose = line.onClose(() => {
    const settle = waiting;
    waiting = null;
    settle?.({ kind: 'lost' });
  });

  return {
    exchange(command, timeoutMs, data) {
      if (waiting) return Promise.reject(new Error(`SAM command ${command} sent while another is in flight`));
      if (!line.isOpen) return Promise.resolve({ kind: 'lost' });
      // anything left over belongs to an earlier, abandoned command
      for (const item of decoder.flush()) strayListener(item.kind === 'frame' ? 'unexpected-frame' : item.problem);
      return new Promise<Exchange>((resolve) => {
        const timer = clock.setTimeout(() => {
          if (waiting !== finish) return;
          waiting = null;
          for (const item of decoder.flush()) strayListener(item.kind === 'frame' ? 'unexpected-frame' : item.problem);
          resolve({ kind: 'timeout' });
        }, timeoutMs);
        const finish = (exchange: Exchange) => {
          clock.clearTimeout(timer);
          resolve(exchange);
        };
        waiting = finish;
        const frame = encodeRequest(command, data);
        tap?.('tx', frame);
        line.write(frame).catch(() => {
          if (waiting !== finish) return;
          waiting = null;
          finish({ kind: 'lost' });
        });
      });
    },
    onStray(listener) {
      strayListener = listener;
    },
    close() {
      offData();
      offClose();
      const settle = waiting;
      waiting = null;
      settle?.({ kind: 'lost' });
    },
  };
}
