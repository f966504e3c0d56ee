import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../testing/until.ts';
import { systemClock } from '../../time/clock.ts';
import type { CardReadEvent } from '../device.ts';
import { testIdentity } from '../testing/test-identity.ts';
import { fixtureSamCard } from './fixture-cards.ts';
import { createSimulatedSamReader, type SimulatedSamReader } from './simulated-sam-reader.ts';

// Real time, quick SAM: the driver and simulator talk over an in-memory cable with real timers.
const readMs = 20;
let reader: SimulatedSamReader | undefined;
afterEach(async () => {
  await reader?.stop();
  reader = undefined;
});

async function started() {
  reader = createSimulatedSamReader({ clock: systemClock, readMs });
  const events: CardReadEvent[] = [];
  reader.onCard((event) => events.push(event));
  await reader.start();
  await until('ready', () => (reader!.status().state === 'ready' ? true : undefined));
  return { reader, events, kinds: () => events.map((event) => event.kind) };
}

describe('simulated SAM reader (real driver over an in-memory cable)', () => {
  it('reads a placed card once, with its photo, reports the SAM id, and notices removal', async () => {
    const { reader, events, kinds } = await started();
    expect(reader.samId()).toBe('05.01-20101010-0012345678-0987654321');
    reader.placeCard(testIdentity({ name: '李四' }));
    await until('read', () => events.find((event) => event.kind === 'read'));
    const read = events.find((event) => event.kind === 'read') as Extract<CardReadEvent, { kind: 'read' }>;
    expect(read.identity).toEqual(testIdentity({ name: '李四' }));
    expect(read.photo?.length).toBe(1024);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(kinds()).toEqual(['reading', 'read']);
    reader.removeCard();
    await until('removed', () => (kinds().includes('removed') ? true : undefined));
    reader.placeCard(testIdentity({ name: '李四' }));
    await until('second read', () => (kinds().filter((kind) => kind === 'read').length === 2 ? true : undefined));
  });

  it.each(['hmt-residence-permit', 'foreign-permanent-2017', 'foreign-permanent-2023'] as const)('opens with a %s', async (type) => {
    const { reader, events } = await started();
    reader.placeSamCard(fixtureSamCard(type));
    const read = await until('read', () => events.find((event) => event.kind === 'read'));
    expect(read).toMatchObject({ identity: { documentType: type } });
  });

  it('reports a damaged card as unreadable, once', async () => {
    const { reader, events } = await started();
    reader.placeUnreadableCard();
    await until('unreadable', () => events.find((event) => event.kind === 'unreadable'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((event) => event.kind === 'unreadable')).toEqual([{ kind: 'unreadable', reason: 'read-failed' }]);
  });

  it('goes disconnected when unplugged and ready again when plugged back', async () => {
    const { reader } = await started();
    reader.disconnect();
    expect(reader.status()).toMatchObject({ state: 'disconnected', reason: 'port-unavailable' });
    reader.connect();
    await until('ready again', () => (reader.status().state === 'ready' ? true : undefined));
  });

  it('shows a SAM self-test failure as a fault and recovers when it clears', async () => {
    const { reader } = await started();
    reader.setFault('self-test-failure');
    reader.placeCard(testIdentity());
    await until('fault', () => (reader.status().state === 'fault' ? true : undefined));
    expect(reader.status().reason).toBe('sam-self-test-failed');
    reader.setFault(null);
    await until('ready', () => (reader.status().state === 'ready' ? true : undefined));
  });

  it('a card pulled away mid-read ends as unreadable; put back, it is read', async () => {
    reader = createSimulatedSamReader({ clock: systemClock, readMs: 700 });
    const events: CardReadEvent[] = [];
    reader.onCard((event) => events.push(event));
    await reader.start();
    reader.placeCard(testIdentity());
    await until('reading', () => events.find((event) => event.kind === 'reading'));
    reader.removeCard();
    const unreadable = await until('unreadable', () => events.find((event) => event.kind === 'unreadable'));
    // gone during select or during the read, depending on when the SAM looked
    expect(['select-failed', 'read-failed']).toContain((unreadable as { reason?: string }).reason);
    reader.placeCard(testIdentity());
    await until('read', () => events.find((event) => event.kind === 'read'));
  });

  it('reads a card that already lay on the reader when the bridge started', async () => {
    reader = createSimulatedSamReader({ clock: systemClock, readMs });
    const events: CardReadEvent[] = [];
    reader.onCard((event) => events.push(event));
    reader.placeCard(testIdentity({ name: '王五' }));
    await reader.start();
    expect(await until('read', () => events.find((event) => event.kind === 'read'))).toMatchObject({ identity: { name: '王五' } });
  });

  it('stopping mid-read ends the read as unreadable and reads nothing afterwards', async () => {
    reader = createSimulatedSamReader({ clock: systemClock, readMs: 700 });
    const events: CardReadEvent[] = [];
    reader.onCard((event) => events.push(event));
    await reader.start();
    reader.placeCard(testIdentity());
    await until('reading', () => events.find((event) => event.kind === 'reading'));
    await reader.stop();
    expect(events.map((event) => event.kind)).toEqual(['reading', 'unreadable']);
    expect(reader.status()).toMatchObject({ state: 'disconnected', reason: 'stopped' });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(events).toHaveLength(2);
  });
});
