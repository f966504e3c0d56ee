import { createHmac, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { PlatformUnavailable } from '../platform/contract.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import type { Platform } from '../platform/platform.ts';
import { createKioskServices } from './kiosk-services.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import type { ApplicationSubmitParsed } from '../api/index.ts';

const guideCode = '330100-JD-00131-000';

/** lets the promise chains the services started run (the platform answers at once, the clock is manual) */
const settle = async () => {
  for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** the kiosk services over an embedded platform that can be cut off like a network line */
function setup(options: { down?: boolean; key?: Buffer } = {}) {
  const clock = createManualClock(new Date('2026-11-23T02:00:00Z'));
  const embedded = createEmbeddedPlatform({ file: ':memory:', clock, kioskId: 'K1' });
  const line = { down: options.down ?? false, calls: 0 };
  const platform = new Proxy(embedded, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        line.calls++;
        return line.down
          ? Promise.reject(new PlatformUnavailable('connect ECONNREFUSED 127.0.0.1:8090'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Platform;
  const db = new Database(':memory:');
  const key = options.key ?? randomBytes(32);
  const services = createKioskServices({ db, platform, kioskId: 'K1', key, clock, randomBytes, submitWaitMs: 0 });
  return { clock, embedded, db, line, services, platform, key };
}

describe('kiosk services: the catalogue cache', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  const started = (options: { down?: boolean } = {}) => {
    const set = setup(options);
    set.services.start();
    stops.push(async () => {
      await set.services.stop();
      set.embedded.close();
    });
    return set;
  };

  it('a bridge that starts while the platform is away fills the cache on its retry timer once the line is back', async () => {
    const { services, clock, line } = started({ down: true });
    await settle();
    await expect(services.getItem(guideCode)).rejects.toMatchObject({ status: 503, code: 'platform-unavailable' });
    line.down = false;
    clock.advance(60_000);
    await settle();
    line.down = true;
    expect((await services.getItem(guideCode)).guide.conditions.length).toBeGreaterThan(0);
    expect(await services.listCatalogue({ q: 'lhjy' })).toMatchObject({ cached: true, items: [{ code: guideCode }] });
  });

  it('fills a cold cache at once when a live call sees the line come back, without waiting for the timer', async () => {
    const { services, line, platform } = started({ down: true });
    await settle();
    line.down = false;
    await services.live(() => platform.listSlots('330100-HJ-00501-000', undefined));
    await settle();
    line.down = true;
    expect((await services.getItem(guideCode)).code).toBe(guideCode);
  });

  it('refreshes a warm cache on its timer, and stops with the services', async () => {
    const { services, clock, db, line } = started();
    await settle();
    const fetchedAt = () => (db.prepare('SELECT fetched_at AS at FROM catalogue_cache WHERE code = ?').get(guideCode) as { at: number }).at;
    const first = fetchedAt();
    clock.advance(60 * 60_000);
    await settle();
    expect(fetchedAt()).toBe(first);
    clock.advance(5 * 60 * 60_000);
    await settle();
    expect(fetchedAt()).toBeGreaterThan(first);
    await services.stop();
    const calls = line.calls;
    clock.advance(24 * 60 * 60_000);
    await settle();
    expect(line.calls).toBe(calls);
  });
});

describe('kiosk services: applications', () => {
  const zhang = fixtureCitizen('zhang-wei').card;
  const li = fixtureCitizen('li-na').card;
  const request = (idempotencyKey = crypto.randomUUID()): ApplicationSubmitParsed => ({
    itemCode: guideCode,
    form: { phone: '13800000000', startMonth: '2026-12' },
    materials: [],
    idempotencyKey,
    delivery: 'collect',
  });
  // the person at the kiosk was confirmed (face, e-ID or staff) before applying: the bridge requires it
  const verified = { method: 'staff' as const, at: '2026-11-22T09:00:00.000Z' };
  const opened: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of opened.splice(0)) await close();
  });
  const started = (options: { down?: boolean } = {}) => {
    const set = setup(options);
    set.services.start();
    opened.push(async () => {
      await set.services.stop();
      set.embedded.close();
    });
    return set;
  };
  const hashOf = (db: Database.Database, localNumber: string) =>
    (db.prepare('SELECT applicant_hash AS hash FROM kiosk_applications WHERE local_number = ?').get(localNumber) as { hash: string | null })
      .hash;

  it('forgets whose an application was once the platform has it, and still answers a repeat with the same receipt', async () => {
    const { services, db } = started();
    await settle();
    const body = request();
    const first = await services.submitApplication(zhang, body, null, null, verified);
    expect(first).toMatchObject({ created: true, receipt: { delivery: 'delivered' } });
    expect(hashOf(db, first.receipt.localNumber)).toBeNull();
    const again = await services.submitApplication(zhang, body, null, null, verified);
    expect(again).toMatchObject({
      created: false,
      receipt: { localNumber: first.receipt.localNumber, platformNumber: first.receipt.platformNumber },
    });
    await expect(services.submitApplication(li, body, null, null, verified)).rejects.toMatchObject({ status: 409 });
    // the citizen still sees it: the platform lists it now
    const { applications } = await services.listApplications(zhang);
    expect(applications.filter((entry) => entry.localNumber === first.receipt.localNumber).map((entry) => entry.caseNumberKind)).toEqual([
      'platform',
    ]);
  });

  it('keeps the applicant of an application still waiting (listed as waiting) and forgets a refused one after 30 days', async () => {
    const { services, db, line, clock } = started();
    await settle();
    line.down = true;
    const waiting = await services.submitApplication(zhang, request(), null, null, verified);
    expect(waiting.receipt.delivery).toBe('waiting');
    expect(hashOf(db, waiting.receipt.localNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect((await services.listApplications(zhang)).applications.map((entry) => entry.caseNumber)).toEqual([waiting.receipt.localNumber]);
    // the platform refuses it for good once the line is back (here: it says the item is gone)
    db.prepare("UPDATE kiosk_applications SET failure = 'item-not-found', settled_at = ? WHERE local_number = ?").run(
      clock.now().getTime(),
      waiting.receipt.localNumber,
    );
    expect((await services.listApplications(zhang)).applications.map((entry) => entry.state)).toEqual(['rejected']);
    clock.advance(31 * 24 * 3_600_000);
    expect((await services.listApplications(zhang)).applications).toEqual([]);
    expect(hashOf(db, waiting.receipt.localNumber)).toBeNull();
  });

  it('gives two identical POSTs at once the same receipt: one application, one outbox row, no error', async () => {
    const { services, db } = started();
    await settle();
    const body = request();
    const [a, b] = await Promise.all([
      services.submitApplication(zhang, body, null, null, verified),
      services.submitApplication(zhang, body, null, null, verified),
    ]);
    expect(a.receipt.localNumber).toBe(b.receipt.localNumber);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM kiosk_applications').get() as { n: number }).n).toBe(1);
    // and a different citizen racing with the same key is refused, not given the receipt
    const other = request();
    const [mine, theirs] = await Promise.allSettled([
      services.submitApplication(zhang, other, null, null, verified),
      services.submitApplication(li, other, null, null, verified),
    ]);
    expect(mine.status).toBe('fulfilled');
    expect(theirs).toMatchObject({ status: 'rejected', reason: { status: 409 } });
  });

  it('upgrades rows from before the owner check: a repeat still gets its receipt, and the delivered one forgets its applicant', async () => {
    const first = setup();
    first.services.start();
    await settle();
    const body = request();
    const { receipt } = await first.services.submitApplication(zhang, body, null, null, verified);
    await first.services.stop();
    // as an older build left it: the applicant's keyed hash kept after delivery, no owner check
    const legacyHash = createHmac('sha256', first.key).update(`applicant:${zhang.idNumber}`).digest('hex');
    first.db.prepare('UPDATE kiosk_applications SET applicant_hash = ?, request_owner = NULL, settled_at = NULL').run(legacyHash);
    const reopened = createKioskServices({
      db: first.db,
      platform: first.platform,
      kioskId: 'K1',
      key: first.key,
      clock: first.clock,
      randomBytes,
      submitWaitMs: 0,
    });
    expect(hashOf(first.db, receipt.localNumber)).toBeNull();
    reopened.start();
    expect(await reopened.submitApplication(zhang, body, null, null, verified)).toMatchObject({
      created: false,
      receipt: { localNumber: receipt.localNumber },
    });
    await expect(reopened.submitApplication(li, body, null, null, verified)).rejects.toMatchObject({ status: 409 });
    await reopened.stop();
    first.embedded.close();
  });
});
