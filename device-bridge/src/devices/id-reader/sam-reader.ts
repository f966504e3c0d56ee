import type { DeviceStatus } from '../../api/index.ts';
import type { EventLogger } from '../../log/logger.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { CardReadEvent, IdReader } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createReconnectingLine, type BackoffOptions } from '../serial/reconnecting-line.ts';
import type { SerialLine, SerialLineOpener } from '../serial/serial-line.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { identityOf } from './card-identity.ts';
import { parseAppendedAddress, parseReadData, parseSamId } from './codec/answers.ts';
import { describeStatus } from './codec/status.ts';
import { decodeCardText } from './codec/text-block.ts';
import { createSamTransport, type Exchange, type SamTransport, type TrafficTap } from './sam-transport.ts';

/**
 * The ID card reader driver: a GA/T 467 SAM module on a serial line (a USB-serial adapter in the
 * kiosk, a socat pty in tests, an in-memory cable to the SAM simulator under `npm start`).
 *
 * The poll loop is an explicit state machine (architecture rule 2):
 *
 *   initialising ─status+SAM id ok─▶ finding ─card found─▶ selecting ─▶ reading ─▶ waiting-for-removal
 *        ▲  │ not ok / no answer         ▲  no card: poll again          │ read or not,   │ select fails:
 *        │  ▼                            │                               │ once per card  │ card removed
 *      sam-fault (retry)                 └───────────────────────────────┴────────────────┘
 *
 * After a read the SAM will not find the same card again until it leaves the field (anti-replay),
 * so the loop waits for removal by selecting: a card still in the field stays selectable. That
 * select keeps succeeding on a card that stays is how the simulator behaves and what the sources
 * suggest, not something verified on a real module: the status of the first select after each
 * read is logged (`id-reader-select-after-read`, status name only) so a site can confirm it. If a
 * module answered that select with a failure while the card stays, each read would be followed at
 * once by `removed`; the SAM's anti-replay would still keep the card from being read again until
 * it is taken away and presented again, so no card is ever read twice.
 * Around it, the link state machine (serial/reconnecting-line.ts) reopens a vanished port with
 * backoff; every loop run belongs to one open line and ends when that line does.
 */
export type PollState = 'stopped' | 'offline' | 'initialising' | 'sam-fault' | 'finding' | 'selecting' | 'reading' | 'waiting-for-removal';

export interface SamTimeouts {
  find: number;
  select: number;
  read: number;
  /** status, SAM id, appended address */
  other: number;
}

/** vendor practice (Synjones): find 500 ms, select 500 ms, read 3500 ms */
export const defaultSamTimeouts: SamTimeouts = { find: 500, select: 500, read: 3500, other: 1000 };

export interface SamReaderOptions {
  /** shown in the device status: "sam-serial" on hardware, "simulated" under npm start */
  driver: string;
  open: SerialLineOpener;
  clock: Clock;
  timeouts?: Partial<SamTimeouts>;
  /** pause between finds while no card lies on the reader */
  pollIntervalMs?: number;
  /** pause before asking a SAM that failed its status check again */
  faultRetryMs?: number;
  /** read with 30 10 (the fingerprint templates are read and dropped: nothing here verifies them) */
  readFingerprint?: boolean;
  /** also read the newest appended address (30 03) of resident ID cards */
  readAppendedAddress?: boolean;
  backoff?: BackoffOptions;
  logger?: EventLogger;
  /** sees every byte both ways (record & replay) */
  tap?: TrafficTap;
}

export interface SamIdReader extends IdReader {
  /** the SAM's management id, e.g. 05.01-20101010-0012345678-0987654321, once it answered */
  samId(): string | null;
  pollState(): PollState;
}

/** A non-answer this many times in a row sends the loop back to probing the SAM. */
const failuresBeforeReprobe = 3;

export function createSamIdReader(options: SamReaderOptions): SamIdReader {
  const { clock, logger } = options;
  const timeouts: SamTimeouts = { ...defaultSamTimeouts, ...options.timeouts };
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const faultRetryMs = options.faultRetryMs ?? 1_000;
  const tracker = createStatusTracker({ id: 'id-reader', driver: options.driver, clock, state: 'disconnected', reason: 'stopped' });
  const cardListeners = createListeners<CardReadEvent>();
  const link = createReconnectingLine({ open: options.open, clock, backoff: options.backoff });

  let state: PollState = 'stopped';
  let samIdValue: string | null = null;
  /** bumps whenever the current loop run must end (line lost, stopping) */
  let run = 0;
  /** a `reading` was announced and its `read`/`unreadable` not yet */
  let readOpen = false;
  let cancelPause: (() => void) | null = null;
  let failures = 0;
  /** the first select after a read is still to be logged */
  let firstSelectAfterRead = false;

  function withSamId(status: DeviceStatus): DeviceStatus {
    return samIdValue === null ? status : { ...status, detail: `SAM ${samIdValue}` };
  }

  function emit(event: CardReadEvent): void {
    if (event.kind === 'reading') readOpen = true;
    if (event.kind === 'read' || event.kind === 'unreadable') readOpen = false;
    cardListeners.emit(event);
  }

  function unreadable(reason: string): void {
    // a loop run that ended while it waited (line lost, stopping) has already closed its read
    if (!readOpen) return;
    logger?.log('id-reader-read-failed', { reason });
    emit({ kind: 'unreadable', reason });
  }

  function enter(next: PollState, faultReason?: string): void {
    state = next;
    switch (next) {
      case 'stopped':
        return tracker.set('disconnected', 'stopped');
      case 'offline':
        return tracker.set('disconnected', 'port-unavailable');
      case 'initialising':
        // the status stays what it was until the SAM answers: no flash of a third state
        return;
      case 'sam-fault':
        return tracker.set('fault', faultReason);
      case 'finding':
      case 'waiting-for-removal':
        return tracker.set('ready');
      case 'selecting':
      case 'reading':
        return tracker.set('busy', 'reading');
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer: TimerHandle = clock.setTimeout(() => {
        cancelPause = null;
        resolve();
      }, ms);
      cancelPause = () => {
        clock.clearTimeout(timer);
        cancelPause = null;
        resolve();
      };
    });
  }

  const answered = (exchange: Exchange, sw3: number) => exchange.kind === 'answer' && exchange.response.sw3 === sw3;
  const reasonOf = (exchange: Exchange) =>
    exchange.kind === 'answer'
      ? describeStatus(exchange.response.sw3).name
      : exchange.kind === 'timeout'
        ? 'no-answer'
        : `line-${exchange.kind}`;

  /** A command that got no proper answer: a few in a row mean the SAM needs probing again. */
  async function noAnswer(exchange: Exchange, retry: PollState): Promise<PollState> {
    failures += 1;
    if (exchange.kind !== 'answer') logger?.log('id-reader-line-problem', { problem: reasonOf(exchange), state });
    if (failures >= failuresBeforeReprobe) {
      failures = 0;
      return 'initialising';
    }
    await pause(pollIntervalMs);
    return retry;
  }

  async function step(current: PollState, sam: SamTransport): Promise<PollState> {
    switch (current) {
      case 'initialising':
      case 'sam-fault': {
        const status = await sam.exchange('status', timeouts.other);
        if (!answered(status, 0x90)) {
          const reason = reasonOf(status);
          if (status.kind === 'lost') return current;
          enter('sam-fault', reason);
          logger?.log('id-reader-sam-fault', { reason });
          await pause(faultRetryMs);
          return 'sam-fault';
        }
        const id = await sam.exchange('samId', timeouts.other);
        if (id.kind === 'answer' && id.response.sw3 === 0x90) samIdValue = parseSamId(id.response.data) ?? samIdValue;
        logger?.log('id-reader-sam-identified', { samId: samIdValue ?? 'unknown' });
        failures = 0;
        return 'finding';
      }
      case 'finding': {
        const found = await sam.exchange('find', timeouts.find);
        if (answered(found, 0x9f)) {
          failures = 0;
          // busy before the announcement, so a listener told "reading" sees a busy reader
          enter('selecting');
          emit({ kind: 'reading' });
          return 'selecting';
        }
        if (found.kind === 'answer' && (found.response.sw3 === 0x80 || found.response.sw3 === 0x81)) {
          failures = 0;
          await pause(pollIntervalMs);
          return 'finding';
        }
        return noAnswer(found, 'finding');
      }
      case 'selecting': {
        const selected = await sam.exchange('select', timeouts.select);
        if (answered(selected, 0x90)) return 'reading';
        // found, then gone before it could be selected: the card moved away
        unreadable(reasonOf(selected));
        return 'finding';
      }
      case 'reading': {
        await readCard(sam);
        firstSelectAfterRead = true;
        return 'waiting-for-removal';
      }
      case 'waiting-for-removal': {
        await pause(pollIntervalMs);
        const selected = await sam.exchange('select', timeouts.select);
        if (firstSelectAfterRead && selected.kind === 'answer') {
          firstSelectAfterRead = false;
          logger?.log('id-reader-select-after-read', { status: describeStatus(selected.response.sw3).name });
        }
        if (answered(selected, 0x90)) {
          failures = 0;
          return 'waiting-for-removal';
        }
        if (selected.kind === 'answer') {
          emit({ kind: 'removed' });
          return 'finding';
        }
        return noAnswer(selected, 'waiting-for-removal');
      }
      default:
        return current;
    }
  }

  /**
   * Reads the card in the field. Every buffer that held card bytes is zeroed before this returns,
   * whatever the outcome: the answer, the text block, the fingerprint templates and, once the
   * `read` listeners have taken their copy, the photo (CardReadEvent: listeners copy what they keep).
   */
  async function readCard(sam: SamTransport): Promise<void> {
    const withFingerprint = options.readFingerprint ?? false;
    const read = await sam.exchange(withFingerprint ? 'readWithFingerprint' : 'readText', timeouts.read);
    if (read.kind !== 'answer' || read.response.sw3 !== 0x90) return unreadable(reasonOf(read));
    const data = parseReadData(read.response.data, withFingerprint);
    read.response.data.fill(0);
    if (!data.ok) return unreadable('info-length-error');
    const { text: textBlock, photo, fingerprint } = data.value;
    try {
      const text = decodeCardText(textBlock);
      textBlock.fill(0);
      // the templates are read (30 10 returns them) and dropped: nothing here verifies fingerprints
      fingerprint?.fill(0);
      if (!text.ok) return unreadable(text.problem);
      let appendedAddress: string | null = null;
      if ((options.readAppendedAddress ?? true) && text.card.type === 'resident-id') {
        const address = await sam.exchange('readAddress', timeouts.other);
        if (address.kind === 'lost') return;
        if (address.kind === 'answer') {
          if (address.response.sw3 === 0x90) appendedAddress = parseAppendedAddress(address.response.data);
          address.response.data.fill(0);
        }
      }
      const identity = identityOf(text.card, appendedAddress || null);
      if (!readOpen) return;
      emit({ kind: 'read', identity, photo: photo.length > 0 ? photo : undefined });
    } finally {
      photo.fill(0);
    }
  }

  async function runLoop(line: SerialLine, myRun: number): Promise<void> {
    const sam = createSamTransport(line, clock, options.tap);
    sam.onStray((problem) => logger?.log('id-reader-line-problem', { problem, state }));
    let current: PollState = 'initialising';
    try {
      while (myRun === run && line.isOpen) {
        enter(current);
        current = await step(current, sam);
      }
    } catch (error) {
      logger?.log('device-error', { device: 'id-reader', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      sam.close();
    }
  }

  /** Ends the current loop run: status first, then a read in progress ends as unreadable. */
  function endRun(next: PollState, reason: string): void {
    run += 1;
    cancelPause?.();
    enter(next);
    if (readOpen) unreadable(reason);
  }

  link.onState((linkState) => {
    if (linkState.kind === 'open') {
      logger?.log('serial-link-open', { device: 'id-reader' });
      run += 1;
      void runLoop(linkState.line, run);
    } else if (linkState.kind === 'waiting') {
      if (state !== 'offline') logger?.log('serial-link-lost', { device: 'id-reader', reason: linkState.error.message });
      endRun('offline', 'link-lost');
    }
  });

  return {
    id: 'id-reader',
    driver: options.driver,
    // the SAM module id travels with the status, so health shows which module is fitted
    status: () => withSamId(tracker.current()),
    onStatus: (listener) => tracker.onStatus((status) => listener(withSamId(status))),
    onCard: (listener) => cardListeners.add(listener),
    samId: () => samIdValue,
    pollState: () => state,
    async start() {
      if (state !== 'stopped') return;
      // status stays "stopped" until the port opens and the SAM answers, or the port fails
      state = 'offline';
      link.start();
    },
    async stop() {
      endRun('stopped', 'stopped');
      await link.stop();
      enter('stopped');
    },
  };
}
