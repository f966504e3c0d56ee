// The real SAM driver through the real serialport binding, on a socat pseudo-terminal pair, with
// the byte-exact SAM simulator on the far end: all four card types and every
// fault, plus unplug/replug of the adapter).
import { readdirSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardReadEvent } from '../../device-bridge/src/devices/device.ts';
import { fixtureCardTexts, fixtureSamCard } from '../../device-bridge/src/devices/id-reader/fixture-cards.ts';
import { createSamIdReader, type SamIdReader } from '../../device-bridge/src/devices/id-reader/sam-reader.ts';
import { createSamSimulator, type SamSimulator } from '../../device-bridge/src/devices/id-reader/sam-simulator.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { createMemoryLogger } from '../../device-bridge/src/log/logger.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { waitFor } from '../support/wait.ts';

interface Rig {
  pty: PtyPair;
  sam: SamSimulator;
  reader: SamIdReader;
  events: CardReadEvent[];
  /** each read's photo as the driver lent it (listeners copy what they keep, as the session does) */
  lentPhotos: Uint8Array[];
  /** the driver's log lines */
  logs: string[];
  deviceLine: SerialLine;
  /** the simulator re-opens its end after a replug */
  reattach(): Promise<void>;
}

let rig: Rig | undefined;
afterEach(async () => {
  if (!rig) return;
  await rig.reader.stop();
  if (rig.deviceLine.isOpen) await rig.deviceLine.close();
  await rig.pty.close();
  rig = undefined;
});

function ptyHandles(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith('/dev/pts/');
    } catch {
      return false;
    }
  }).length;
}

async function startRig(driverOptions: { readFingerprint?: boolean } = {}): Promise<Rig> {
  const pty = await createPtyPair();
  // a quick SAM so the suite stays short; the protocol and state machine are the same
  const sam = createSamSimulator({ clock: systemClock, timings: { find: [2, 8], select: [2, 8], read: [20, 40] } });
  const openDevice = serialPortOpener({ path: pty.devicePath, baudRate: 115200 });
  const logger = createMemoryLogger();
  const reader = createSamIdReader({
    logger,
    driver: 'sam-serial',
    open: serialPortOpener({ path: pty.hostPath, baudRate: 115200 }),
    clock: systemClock,
    pollIntervalMs: 20,
    faultRetryMs: 100,
    timeouts: { find: 300, select: 300, read: 1_000, other: 300 },
    backoff: { initialDelayMs: 100, maxDelayMs: 1_000 },
    ...driverOptions,
  });
  const events: CardReadEvent[] = [];
  const lentPhotos: Uint8Array[] = [];
  reader.onCard((event) => {
    if (event.kind === 'read' && event.photo) {
      lentPhotos.push(event.photo);
      events.push({ ...event, photo: Uint8Array.from(event.photo) });
    } else events.push(event);
  });
  const current: Rig = {
    pty,
    sam,
    reader,
    events,
    lentPhotos,
    logs: logger.lines,
    deviceLine: await openDevice(),
    async reattach() {
      current.deviceLine = await openDevice();
      sam.attach(current.deviceLine);
    },
  };
  sam.attach(current.deviceLine);
  await reader.start();
  await waitUntilState(reader, 'ready');
  rig = current;
  return current;
}

async function waitUntilState(reader: SamIdReader, state: string, reason?: string, timeoutMs = 5_000) {
  return waitFor(
    `id-reader ${state}${reason ? ` (${reason})` : ''}`,
    async () => {
      const status = reader.status();
      const matches = status.state === state && (reason === undefined || status.reason === reason);
      return { value: matches ? status : undefined, note: `${status.state} ${status.reason ?? ''} / ${reader.pollState()}` };
    },
    timeoutMs,
    10,
  );
}

function nextEvent<K extends CardReadEvent['kind']>(events: CardReadEvent[], kind: K, after = 0) {
  return waitFor(
    `card event ${kind}`,
    async () => ({
      value: events.slice(after).find((event) => event.kind === kind) as Extract<CardReadEvent, { kind: K }> | undefined,
      note: events.map((event) => event.kind).join(','),
    }),
    5_000,
    10,
  );
}

describe('SAM driver on a pty against the SAM simulator', () => {
  it('identifies the SAM at start', async () => {
    const { reader } = await startRig();
    expect(reader.samId()).toBe('05.01-20101010-0012345678-0987654321');
    expect(reader.status()).toMatchObject({
      id: 'id-reader',
      state: 'ready',
      driver: 'sam-serial',
      detail: 'SAM 05.01-20101010-0012345678-0987654321',
    });
  });

  it.each(['resident-id', 'hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023'] as const)(
    'reads a %s once per presentation, with its WLT photo',
    async (type) => {
      const { sam, events, lentPhotos, logs } = await startRig();
      sam.placeCard(fixtureSamCard(type));
      const read = await nextEvent(events, 'read');
      // the driver keeps no photo: the buffer it lent is zeroed once the listeners returned
      expect(lentPhotos).toHaveLength(1);
      expect(lentPhotos[0]!.every((byte) => byte === 0)).toBe(true);
      const text = fixtureCardTexts[type];
      expect(read.identity.idNumber).toBe('cardNumber' in text ? text.cardNumber : text.idNumber);
      expect(read.identity.birthDate).toBe(text.birthDate);
      expect(read.photo?.subarray(0, 3)).toEqual(Uint8Array.of(0x57, 0x4c, 0x66));
      if (type !== 'resident-id') expect(read.identity.documentType).toBe(type);
      // left on the reader: never read twice
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.map((event) => event.kind)).toEqual(['reading', 'read']);
      // how removal is detected, logged for confirmation on hardware: select still succeeds, status name only
      const probe = logs.filter((line) => line.includes('id-reader-select-after-read'));
      expect(probe).toHaveLength(1);
      expect(probe[0]).toContain('"status":"success"');
      expect(logs.join('\n')).not.toContain('cardNumber' in text ? text.cardNumber : text.idNumber);
      sam.removeCard();
      await nextEvent(events, 'removed');
    },
  );

  it('reads the appended address of a resident card into the identity', async () => {
    const { sam, events } = await startRig();
    sam.placeCard(fixtureSamCard('resident-id', { appendedAddress: '北京市朝阳区新居路8号' }));
    expect((await nextEvent(events, 'read')).identity.address).toBe('北京市朝阳区新居路8号');
  });

  it('reads the 2017 foreign permanent residence card as its own document, keyed on its 15-character number', async () => {
    const { sam, events } = await startRig();
    sam.placeCard(fixtureSamCard('foreign-permanent-2017'));
    const read = await nextEvent(events, 'read');
    expect(read.identity).toEqual({
      name: '史密斯',
      sex: '1',
      nation: '',
      birthDate: '19780901',
      address: '',
      idNumber: 'CAN110078090112',
      issuer: '',
      validFrom: '20180101',
      validTo: '20280101',
      documentType: 'foreign-permanent-2017',
    });
    expect(events.some((event) => event.kind === 'unreadable')).toBe(false);
  });

  it('reads with fingerprint (30 10): a card carrying two 512-byte templates is read, and no template byte reaches the event', async () => {
    const { sam, events } = await startRig({ readFingerprint: true });
    // two templates, finger position at byte 5 of each; a pattern no photo or text byte shares
    const fingerprint = new Uint8Array(1024).map((_, i) => (i % 512 === 5 ? 0x0b : 0xf0 | (i & 0x0f)));
    sam.placeCard(fixtureSamCard('resident-id', { fingerprint }));
    const read = await nextEvent(events, 'read');
    expect(sam.commandCounts()).toMatchObject({ readWithFingerprint: 1 });
    expect(sam.commandCounts().readText).toBeUndefined();
    expect(read.identity.idNumber).toBe(fixtureCardTexts['resident-id'].idNumber);
    expect(Object.keys(read).sort()).toEqual(['identity', 'kind', 'photo']);
    expect(read.photo).toHaveLength(1024);
    const carried = Buffer.concat([Buffer.from(JSON.stringify(read.identity)), Buffer.from(read.photo!)]);
    expect(carried.includes(Buffer.from(fingerprint.subarray(0, 16)))).toBe(false);
    expect(carried.includes(Buffer.from(fingerprint.subarray(512, 528)))).toBe(false);
  });

  it('reports a card whose number fails the check character as unreadable, never as a citizen', async () => {
    const { sam, events } = await startRig();
    const resident = fixtureCardTexts['resident-id'];
    const wrong = resident.idNumber.slice(0, 17) + (resident.idNumber.endsWith('1') ? '2' : '1');
    sam.placeCard({ text: { ...resident, idNumber: wrong }, photo: new Uint8Array(1024) });
    expect(await nextEvent(events, 'unreadable')).toEqual({ kind: 'unreadable', reason: 'invalid-number' });
    expect(events.some((event) => event.kind === 'read')).toBe(false);
  });

  it.each([
    ['read-failure', 'read-failed'],
    ['unknown-card-type', 'unknown-card-type'],
  ] as const)('fault %s: the card is unreadable (%s), reported once', async (fault, reason) => {
    const { sam, events } = await startRig();
    sam.setFault(fault);
    sam.placeCard(fixtureSamCard('resident-id'));
    expect(await nextEvent(events, 'unreadable')).toEqual({ kind: 'unreadable', reason });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.filter((event) => event.kind === 'unreadable')).toHaveLength(1);
  });

  it('an unknown card-type flag in the text block is unreadable', async () => {
    const { sam, events } = await startRig();
    const { encodeCardText } = await import('../../device-bridge/src/devices/id-reader/codec/text-block.ts');
    const text = encodeCardText(fixtureCardTexts['resident-id']);
    text.set([0x5a, 0x00], 248);
    sam.placeCard({ text, photo: new Uint8Array(1024) });
    expect(await nextEvent(events, 'unreadable')).toEqual({ kind: 'unreadable', reason: 'unknown-card-type' });
  });

  it.each([
    ['self-test-failure', 'sam-self-test-failed'],
    ['not-authorised', 'sam-not-authorised'],
    ['checksum-error', 'line-corrupt'],
    ['silence', 'no-answer'],
  ] as const)('fault %s: the reader shows fault (%s) and recovers by itself when it clears', async (fault, reason) => {
    const { sam, reader, events } = await startRig();
    sam.setFault(fault);
    await waitUntilState(reader, 'fault', reason);
    sam.setFault(null);
    await waitUntilState(reader, 'ready');
    sam.placeCard(fixtureSamCard('resident-id'));
    await nextEvent(events, 'read');
  });

  it('unplugged mid-read: unreadable, disconnected; back within 5 s of the adapter returning and reads again', async () => {
    const baseline = ptyHandles();
    const current = await startRig();
    const { pty, sam, reader, events } = current;
    sam.placeCard(fixtureSamCard('resident-id'));
    await nextEvent(events, 'reading');
    await pty.unplug();
    await waitUntilState(reader, 'disconnected', 'port-unavailable');
    // "link-lost" when the port closing is noticed first, "line-lost" when the command in flight failed first
    expect(await nextEvent(events, 'unreadable')).toMatchObject({ reason: expect.stringMatching(/^(link|line)-lost$/) });
    await current.deviceLine.close();

    await pty.replug();
    await current.reattach();
    await waitUntilState(reader, 'ready', undefined, 5_000);
    sam.removeCard();
    const count = events.length;
    sam.placeCard(fixtureSamCard('hmt-residence-permit'));
    expect((await nextEvent(events, 'read', count)).identity.documentType).toBe('hmt-residence-permit');

    await reader.stop();
    await current.deviceLine.close();
    // the driver holds no pty handle after stopping: nothing leaked across the replug
    await waitFor('pty handles released', async () => ({ value: ptyHandles() <= baseline ? true : undefined, note: String(ptyHandles()) }));
  });
});
