// A hostile SAM: answers the real driver's commands with random, mutated, truncated, split,
// duplicated or missing frames. Used by a short run in `npm test` (id-reader-fuzz.test.ts) and
// by a long one: `node --import tsx tests/fuzz/run-sam-fuzz.ts [minutes]`.
import type { CardReadEvent } from '../../device-bridge/src/devices/device.ts';
import { encodeReadData, encodeSamId } from '../../device-bridge/src/devices/id-reader/codec/answers.ts';
import { commandOf, encodeResponse } from '../../device-bridge/src/devices/id-reader/codec/commands.ts';
import { createFrameDecoder } from '../../device-bridge/src/devices/id-reader/codec/frame.ts';
import { encodeCardText } from '../../device-bridge/src/devices/id-reader/codec/text-block.ts';
import { fixtureCardTexts } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { createSamIdReader } from '../../device-bridge/src/devices/id-reader/sam-reader.ts';
import { createSamSimulator } from '../../device-bridge/src/devices/id-reader/sam-simulator.ts';
import { createMemoryLinePair } from '../../device-bridge/src/devices/serial/memory-line.ts';
import { idNumberProblem, isForeignPermanent2017Number } from '../../device-bridge/src/privacy/id-number.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';

/** mulberry32: a failing run is replayed from its seed */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzOutcome {
  seed: number;
  requests: number;
  events: number;
  problems: string[];
}

const cards = Object.values(fixtureCardTexts).map((text) => encodeCardText(text));

export async function fuzzSamDriver(seed: number, durationMs: number): Promise<FuzzOutcome> {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const problems: string[] = [];
  let requests = 0;
  let hostile = true;
  const goodSam = createSamSimulator({ clock: systemClock, random, timings: { find: [1, 2], select: [1, 2], read: [2, 5] } });

  function plausibleAnswer(payload: Uint8Array): Uint8Array {
    const command = commandOf(payload);
    const sw3 = random() < 0.7 ? pick([0x90, 0x9f, 0x80, 0x81, 0x41, 0x60]) : Math.floor(random() * 256);
    switch (command) {
      case 'samId':
        return encodeResponse(sw3, random() < 0.8 ? encodeSamId([5, 1, 1, 2, 3]) : new Uint8Array(Math.floor(random() * 40)));
      case 'find':
        return encodeResponse(random() < 0.5 ? 0x9f : sw3, new Uint8Array(4));
      case 'select':
        return encodeResponse(random() < 0.6 ? 0x90 : sw3, new Uint8Array(8));
      case 'readText':
      case 'readWithFingerprint': {
        const text = Uint8Array.from(pick(cards));
        for (let flips = Math.floor(random() * 3); flips > 0; flips--)
          text[Math.floor(random() * text.length)] = Math.floor(random() * 256);
        const data = encodeReadData({
          text,
          photo: new Uint8Array(random() < 0.9 ? 1024 : Math.floor(random() * 1100)),
          fingerprint: null,
        });
        return encodeResponse(random() < 0.8 ? 0x90 : sw3, random() < 0.9 ? data : data.subarray(0, Math.floor(random() * data.length)));
      }
      default:
        return encodeResponse(sw3);
    }
  }

  function damage(frame: Uint8Array): Uint8Array[] {
    const roll = random();
    if (roll < 0.35) return [frame];
    if (roll < 0.5) {
      const copy = Uint8Array.from(frame);
      const at = 5 + Math.floor(random() * (copy.length - 5));
      copy[at] = copy[at]! ^ (1 + Math.floor(random() * 255));
      return [copy];
    }
    if (roll < 0.6) return [frame.subarray(0, Math.floor(random() * frame.length))];
    if (roll < 0.7) return [Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)), frame];
    if (roll < 0.8) return [frame, frame];
    if (roll < 0.9) return [];
    return [Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, Math.floor(random() * 256), Math.floor(random() * 256)), frame];
  }

  let pair = createMemoryLinePair();
  const decoder = createFrameDecoder();
  function attachHostile() {
    pair.device.onData((chunk) => {
      if (!hostile) return;
      for (const item of decoder.push(chunk)) {
        if (item.kind !== 'frame') continue;
        requests += 1;
        const bytes = Uint8Array.from(Buffer.concat(damage(plausibleAnswer(item.payload))));
        // any chunking
        let at = 0;
        while (at < bytes.length) {
          const size = 1 + Math.floor(random() * 300);
          void pair.device.write(bytes.subarray(at, at + size)).catch(() => undefined);
          at += size;
        }
      }
    });
  }
  attachHostile();
  let opens = 0;
  const reader = createSamIdReader({
    driver: 'fuzz',
    clock: systemClock,
    pollIntervalMs: 1,
    faultRetryMs: 5,
    timeouts: { find: 15, select: 15, read: 30, other: 15 },
    backoff: { initialDelayMs: 5, maxDelayMs: 20 },
    open: async () => {
      opens += 1;
      if (opens > 1) {
        pair = createMemoryLinePair();
        if (hostile) attachHostile();
        else goodSam.attach(pair.device);
      }
      return pair.host;
    },
  });
  let readOpen = false;
  let events = 0;
  reader.onCard((event: CardReadEvent) => {
    events += 1;
    if (event.kind === 'reading') {
      if (readOpen) problems.push('reading while a read was open');
      readOpen = true;
    } else if (event.kind === 'read' || event.kind === 'unreadable') {
      if (!readOpen) problems.push(`${event.kind} without reading`);
      readOpen = false;
      if (event.kind === 'read') {
        const { idNumber, documentType } = event.identity;
        // the 2017 foreign card's number has no check character: its shape is all there is to check
        const bad =
          documentType === 'foreign-permanent-2017' ? !isForeignPermanent2017Number(idNumber) : idNumberProblem(idNumber) !== null;
        if (bad) problems.push('a card with a bad number was read as a citizen');
      }
    }
  });
  const onError = (error: unknown) => problems.push(`unhandled: ${String(error)}`);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  try {
    await reader.start();
    const until = Date.now() + durationMs;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      // now and then the cable is pulled mid-answer
      if (random() < 0.05) pair.unplug();
    }
    // the hostile SAM is replaced by a sane one: the driver must come back by itself (no hang)
    hostile = false;
    goodSam.attach(pair.device);
    pair.unplug();
    const deadline = Date.now() + 3_000;
    while (reader.status().state !== 'ready') {
      if (Date.now() > deadline) {
        problems.push(`no recovery after the fuzzing stopped: ${JSON.stringify(reader.status())} ${reader.pollState()}`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await reader.stop();
    if (readOpen) problems.push('a read was left open after stop');
  } finally {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  }
  return { seed, requests, events, problems };
}
