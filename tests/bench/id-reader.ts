// ID reader: SAM frame decoding throughput, a card read end to end over a socat pty
// against the SAM simulator (overhead beyond the simulated module time, next to the wire time the
// same bytes take on a real 115200-baud line), and reconnect time after the adapter returns.
import type { CardReadEvent } from '../../device-bridge/src/devices/device.ts';
import { encodeReadData } from '../../device-bridge/src/devices/id-reader/codec/answers.ts';
import { encodeRequest, encodeResponse } from '../../device-bridge/src/devices/id-reader/codec/commands.ts';
import { createFrameDecoder } from '../../device-bridge/src/devices/id-reader/codec/frame.ts';
import { encodeCardText } from '../../device-bridge/src/devices/id-reader/codec/text-block.ts';
import { fixtureCardTexts, fixtureSamCard } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { createSamIdReader, type SamIdReader } from '../../device-bridge/src/devices/id-reader/sam-reader.ts';
import { createSamSimulator } from '../../device-bridge/src/devices/id-reader/sam-simulator.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { createPtyPair } from '../support/pty.ts';
import { median, percentile, round, type BenchResult } from './stats.ts';

const readFrame = encodeResponse(
  0x90,
  encodeReadData({ text: encodeCardText(fixtureCardTexts['resident-id']), photo: new Uint8Array(1024).fill(0x33), fingerprint: null }),
);

/**
 * What most SAM code does (hev-idcard-reader, vendor samples): append each chunk, read 7 bytes,
 * wait for Len more, slice — no resynchronisation, no checksum. The baseline for throughput.
 */
function naiveFrames(chunks: Uint8Array[]): number {
  let buffer = Buffer.alloc(0);
  let frames = 0;
  for (const chunk of chunks) {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 7) {
      const length = buffer.readUInt16BE(5);
      if (buffer.length < 7 + length) break;
      buffer.subarray(7, 7 + length - 1);
      buffer = buffer.subarray(7 + length);
      frames += 1;
    }
  }
  return frames;
}

function chunksOf(stream: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += size) chunks.push(stream.subarray(at, at + size));
  return chunks;
}

function decodeThroughput(): BenchResult[] {
  const framesPerRun = 2_000;
  const stream = new Uint8Array(readFrame.length * framesPerRun);
  for (let i = 0; i < framesPerRun; i++) stream.set(readFrame, i * readFrame.length);
  // a USB-serial adapter hands over ~32–64 bytes per read
  const chunks = chunksOf(stream, 64);
  const time = (run: () => number) => {
    const samples: number[] = [];
    for (let round = 0; round < 7; round++) {
      const started = performance.now();
      const frames = run();
      if (frames !== framesPerRun) throw new Error(`decoded ${frames} of ${framesPerRun}`);
      samples.push(performance.now() - started);
    }
    return median(samples);
  };
  const ours = time(() => {
    const decoder = createFrameDecoder();
    let frames = 0;
    for (const chunk of chunks) frames += decoder.push(chunk).filter((item) => item.kind === 'frame').length;
    return frames;
  });
  const naive = time(() => naiveFrames(chunks));
  const perSecond = (ms: number) => Math.round((framesPerRun / ms) * 1000);
  return [
    {
      name: 'sam-decode-read-frames-per-second',
      value: perSecond(ours),
      unit: 'frames/s',
      frameBytes: readFrame.length,
      chunkBytes: 64,
      checksumAndResync: true,
    },
    { name: 'sam-decode-naive-baseline-frames-per-second', value: perSecond(naive), unit: 'frames/s', checksumAndResync: false },
    { name: 'sam-decode-speed-vs-naive', value: round(naive / ours, 2), unit: 'ratio', note: '>1: ours is faster' },
  ];
}

async function ready(reader: SamIdReader, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (reader.status().state !== 'ready') {
    if (Date.now() > deadline) throw new Error(`reader not ready: ${JSON.stringify(reader.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function overPty(samples: number, reconnects: number): Promise<BenchResult[]> {
  const selectMs = 50;
  const readMs = 700;
  const pty = await createPtyPair();
  const sam = createSamSimulator({
    clock: systemClock,
    timings: { find: [50, 50], select: [selectMs, selectMs], read: [readMs, readMs], other: [0, 0] },
  });
  const openDevice = serialPortOpener({ path: pty.devicePath, baudRate: 115200 });
  let deviceLine: SerialLine = await openDevice();
  sam.attach(deviceLine);
  const reader = createSamIdReader({
    driver: 'sam-serial',
    open: serialPortOpener({ path: pty.hostPath, baudRate: 115200 }),
    clock: systemClock,
    readAppendedAddress: false,
  });
  const events: { kind: CardReadEvent['kind']; at: number }[] = [];
  reader.onCard((event) => events.push({ kind: event.kind, at: performance.now() }));
  await reader.start();
  await ready(reader, 10_000);

  const overheads: number[] = [];
  for (let i = 0; i < samples; i++) {
    events.length = 0;
    sam.placeCard(fixtureSamCard('resident-id'));
    while (!events.some((event) => event.kind === 'read')) await new Promise((resolve) => setTimeout(resolve, 1));
    const reading = events.find((event) => event.kind === 'reading')!.at;
    const read = events.find((event) => event.kind === 'read')!.at;
    overheads.push(read - reading - selectMs - readMs);
    sam.removeCard();
    while (!events.some((event) => event.kind === 'removed')) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  // select + read: requests and answers, 10 bits per byte at 115200 baud
  const wireBytes = encodeRequest('select').length + 19 + encodeRequest('readText').length + readFrame.length;
  const wireMs = (wireBytes * 10 * 1000) / 115200;

  const reconnectMs: number[] = [];
  for (let i = 0; i < reconnects; i++) {
    await pty.unplug();
    await deviceLine.close();
    // long enough for the backoff to reach its cap, the worst case
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await pty.replug();
    const returned = performance.now();
    deviceLine = await openDevice();
    sam.attach(deviceLine);
    await ready(reader, 10_000);
    reconnectMs.push(performance.now() - returned);
  }
  await reader.stop();
  await deviceLine.close();
  await pty.close();

  return [
    {
      name: 'id-read-overhead-beyond-sam-time-ms',
      value: round(median(overheads)),
      unit: 'ms',
      p95: round(percentile(overheads, 95)),
      samples,
      simulatedSamMs: selectMs + readMs,
      target: '≤ 20 ms beyond wire time + SAM time',
      note: 'select+read over a socat pty with the real serialport binding; a pty does not pace bytes, so this overhead is driver + OS + decode',
    },
    {
      name: 'id-read-wire-time-115200-ms',
      value: round(wireMs),
      unit: 'ms',
      bytes: wireBytes,
      note: 'what the same bytes take on a real 115200-baud line (8-N-1), computed',
    },
    {
      name: 'id-reader-reconnect-after-replug-ms',
      value: round(median(reconnectMs)),
      unit: 'ms',
      max: round(Math.max(...reconnectMs)),
      samples: reconnects,
      target: '≤ 5000 ms',
      note: 'adapter away 4 s (backoff at its 2 s cap), then back: time until the reader is ready again',
    },
  ];
}

export async function benchIdReader(samples = 10, reconnects = 3): Promise<BenchResult[]> {
  return [...decodeThroughput(), ...(await overPty(samples, reconnects))];
}
