import type { SamFault } from '../../api/sim-faults.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { SerialLine } from '../serial/serial-line.ts';
import { encodeAppendedAddress, encodeReadData, encodeSamId } from './codec/answers.ts';
import { commandOf, encodeResponse, type SamCommandName } from './codec/commands.ts';
import { createFrameDecoder } from './codec/frame.ts';
import { encodeCardText } from './codec/text-block.ts';
import type { SamCard } from './sam-card.ts';

/**
 * The SAM module at the far end of a serial line, byte-exact (GA/T 467). It
 * answers each request after a simulated module time, one at a time, as the real module does.
 *
 * Card presence model (what a poll loop must cope with):
 * - find (20 01) succeeds once per presentation: after the card was found it stays "active" and
 *   further finds fail with 0x80 until it leaves the field and is presented again (anti-replay);
 * - select (20 02) succeeds while a found card stays in the field, so a driver can tell that the
 *   card was taken away (select starts failing with 0x81) — the model to confirm on hardware.
 *
 * Faults a technician or test can inject: the module failing its self-test (every command 0x60),
 * a module that was never authorised (every command 0x66: "SAM没经过授权，无法使用"), reads failing (0x41), a card type the module does not know (0x40), answers corrupted on the line
 * (bad checksum), or silence (no answer at all, as a hung module).
 */
export type { SamFault };

/** [min, max] ms the module takes to answer */
export type TimeRange = readonly [number, number];

export interface SamTimings {
  find: TimeRange;
  select: TimeRange;
  read: TimeRange;
  /** added to read for read-with-fingerprint */
  fingerprintExtraMs: number;
  /** status, SAM id, reset, settings, appended address (0: answered at once) */
  other: TimeRange;
}

/** simulator defaults: the timings real SAM modules show (find and select 30–80 ms, read 600–900 ms) */
export const defaultSamTimings: SamTimings = {
  find: [30, 80],
  select: [30, 80],
  read: [600, 900],
  fingerprintExtraMs: 300,
  other: [0, 0],
};

export interface SamSimulator {
  /** starts answering on a line (the device end); a previous line is let go */
  attach(line: SerialLine): void;
  placeCard(card: SamCard): void;
  removeCard(): void;
  setFault(fault: SamFault | null): void;
  fault(): SamFault | null;
  /** requests answered so far, by command (for tests and the dev panel) */
  commandCounts(): Readonly<Partial<Record<SamCommandName | 'unknown', number>>>;
}

type Presentation = 'in-field' | 'found' | 'selected';

export function createSamSimulator(options: {
  clock: Clock;
  random?: () => number;
  timings?: Partial<SamTimings>;
  samId?: [number, number, number, number, number];
}): SamSimulator {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const timings: SamTimings = { ...defaultSamTimings, ...options.timings };
  const samId = encodeSamId(options.samId ?? [5, 1, 20101010, 12345678, 987654321]);
  const counts: Partial<Record<SamCommandName | 'unknown', number>> = {};

  let line: SerialLine | null = null;
  let unsubscribe: (() => void)[] = [];
  let card: SamCard | null = null;
  let presentation: Presentation = 'in-field';
  let fault: SamFault | null = null;
  /** the request being worked on */
  let working: TimerHandle | null = null;
  const decoder = createFrameDecoder();

  function duration([min, max]: TimeRange): number {
    return Math.round(min + random() * (max - min));
  }

  function send(frame: Uint8Array): void {
    if (fault === 'silence' || !line?.isOpen) return;
    if (fault === 'checksum-error') {
      frame = Uint8Array.from(frame);
      frame[frame.length - 1] = frame[frame.length - 1]! ^ 0x5a;
    }
    line.write(frame).catch(() => undefined);
  }

  type Request = Uint8Array | 'checksum' | 'length';

  /** How long the module works on a request. */
  function timeFor(request: Request): number {
    if (typeof request === 'string' || fault === 'self-test-failure' || fault === 'not-authorised') return duration(timings.other);
    switch (commandOf(request)) {
      case 'find':
        return duration(timings.find);
      case 'select':
        return duration(timings.select);
      case 'readText':
        return duration(timings.read);
      case 'readWithFingerprint':
        return duration(timings.read) + timings.fingerprintExtraMs;
      default:
        return duration(timings.other);
    }
  }

  /**
   * The answer to a request, computed when the module finishes it: a card pulled away during a
   * read makes that read fail, as on the real module.
   */
  function respond(request: Request): Uint8Array {
    if (request === 'checksum') return encodeResponse(0x10);
    if (request === 'length') return encodeResponse(0x11);
    const command = commandOf(request);
    counts[command ?? 'unknown'] = (counts[command ?? 'unknown'] ?? 0) + 1;
    if (fault === 'self-test-failure') return encodeResponse(0x60);
    if (fault === 'not-authorised') return encodeResponse(0x66);
    switch (command) {
      case null:
        return encodeResponse(0x21);
      case 'reset':
        presentation = 'in-field';
        return encodeResponse(0x90);
      case 'status':
      case 'setMaxRfBytes':
        return encodeResponse(0x90);
      case 'samId':
        return encodeResponse(0x90, samId);
      case 'find':
        if (card === null || presentation !== 'in-field') return encodeResponse(0x80);
        presentation = 'found';
        return encodeResponse(0x9f, new Uint8Array(4));
      case 'select':
        if (card === null || presentation === 'in-field') return encodeResponse(0x81);
        presentation = 'selected';
        return encodeResponse(0x90, new Uint8Array(8));
      case 'readText':
      case 'readWithFingerprint': {
        if (card === null || presentation !== 'selected') return encodeResponse(0x41);
        if (fault === 'read-failure' || card.damaged) return encodeResponse(0x41);
        if (fault === 'unknown-card-type') return encodeResponse(0x40);
        const text = card.text instanceof Uint8Array ? card.text : encodeCardText(card.text);
        const fingerprint = command === 'readWithFingerprint' ? (card.fingerprint ?? new Uint8Array(0)) : null;
        return encodeResponse(0x90, encodeReadData({ text, photo: card.photo, fingerprint }));
      }
      case 'readAddress':
        if (card === null || presentation !== 'selected') return encodeResponse(0x41);
        if (card.appendedAddress === undefined) return encodeResponse(0x91);
        return encodeResponse(0x90, encodeAppendedAddress(card.appendedAddress));
    }
  }

  /** requests waiting: the module handles one at a time */
  const pending: Request[] = [];

  function workOnNext(): void {
    if (working !== null) return;
    const next = pending.shift();
    if (next === undefined) return;
    const finish = () => {
      working = null;
      send(respond(next));
      workOnNext();
    };
    const ms = timeFor(next);
    // instant answers do not wait for the clock (a manual clock in tests may never move)
    if (ms <= 0) {
      working = clock.setTimeout(() => undefined, 0);
      setImmediate(() => {
        if (working === null) return;
        clock.clearTimeout(working);
        finish();
      });
    } else working = clock.setTimeout(finish, ms);
  }

  function onBytes(chunk: Uint8Array): void {
    for (const item of decoder.push(chunk)) {
      if (item.kind === 'frame') pending.push(item.payload);
      else if (item.problem === 'checksum') pending.push('checksum');
      else if (item.problem === 'length') pending.push('length');
      // garbage is ignored, as the module ignores noise between frames
    }
    workOnNext();
  }

  return {
    attach(next) {
      for (const off of unsubscribe) off();
      if (working !== null) clock.clearTimeout(working);
      working = null;
      pending.length = 0;
      decoder.flush();
      line = next;
      unsubscribe = [next.onData(onBytes)];
    },
    placeCard(next) {
      card = next;
      presentation = 'in-field';
    },
    removeCard() {
      card = null;
      presentation = 'in-field';
    },
    setFault(next) {
      fault = next;
    },
    fault: () => fault,
    commandCounts: () => ({ ...counts }),
  };
}
