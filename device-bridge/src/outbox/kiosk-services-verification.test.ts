import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmitApplication } from '../platform/contract.ts';
import { submitApplicationSchema } from '../platform/contract.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { openKioskStore } from '../store/store.ts';
import { systemClock } from '../time/clock.ts';
import { createKioskServices } from './kiosk-services.ts';

/** 实人 at the outbox: no application without a confirmed person, and the platform is told how. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function services() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-verification-'));
  const store = openKioskStore(dataDir, createMemoryLogger());
  const embedded = createEmbeddedPlatform({ file: join(dataDir, 'platform.db'), clock: systemClock, kioskId: 'TB-T' });
  const sent: SubmitApplication[] = [];
  const platform = {
    ...embedded,
    submitApplication: (application: SubmitApplication) => (sent.push(application), embedded.submitApplication(application)),
  };
  const kiosk = createKioskServices({
    db: store.db,
    platform,
    kioskId: 'TB-T',
    key: randomBytes(32),
    clock: systemClock,
    randomBytes,
    submitWaitMs: 2_000,
    outbox: { pollMs: 50 },
  });
  cleanups.push(() => {
    void kiosk.outbox.stop();
    embedded.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { kiosk, sent };
}

const request = () => ({
  itemCode: '330100-JD-00131-000',
  form: { phone: '13800000000', startMonth: '2026-12' },
  materials: [],
  delivery: 'collect' as const,
  idempotencyKey: randomUUID(),
});

describe('applications need the person confirmed (实人)', () => {
  it('refuses an application from a session nobody confirmed, and stores nothing', async () => {
    const { kiosk, sent } = services();
    const identity = fixtureCitizen('zhang-wei').card;
    await expect(kiosk.submitApplication(identity, request(), null, null, null)).rejects.toMatchObject({
      status: 409,
      code: 'identity-not-verified',
    });
    expect((await kiosk.listApplications(identity)).applications.filter((entry) => entry.channel === 'kiosk')).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('sends the platform how and when the person was confirmed', async () => {
    const { kiosk, sent } = services();
    kiosk.outbox.start();
    const verification = { method: 'staff' as const, at: '2026-11-22T02:00:00.000Z' };
    const { created } = await kiosk.submitApplication(fixtureCitizen('zhang-wei').card, request(), null, null, verification);
    expect(created).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.identityVerification).toEqual(verification);
    expect(submitApplicationSchema.parse(sent[0]).identityVerification).toEqual(verification);
  });
});
