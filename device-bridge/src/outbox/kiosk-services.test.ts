import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { PlatformUnavailable } from '../platform/contract.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import type { Platform } from '../platform/platform.ts';
import { createKioskServices } from './kiosk-services.ts';

const guideCode = '330100-JD-00131-000';

/** lets the promise chains the services started run (the platform answers at once, the clock is manual) */
const settle = async () => {
  for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** the kiosk services over an embedded platform that can be cut off like a network line */
function setup(options: { down?: boolean } = {}) {
  const clock = createManualClock(new Date('2026-11-23T02:00:00Z'));
  const embedded = createEmbeddedPlatform({ file: ':memory:', clock, kioskId: 'K1' });
  const line = { down: options.down ?? false, calls: 0 };
  const platform = new Proxy(embedded, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        line.calls++;
        return line.down ? Promise.reject(new PlatformUnavailable('connect ECONNREFUSED 127.0.0.1:8090')) : (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Platform;
  const db = new Database(':memory:');
  const services = createKioskServices({ db, platform, kioskId: 'K1', key: randomBytes(32), clock, randomBytes, submitWaitMs: 0 });
  return { clock, embedded, db, line, services, platform };
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
