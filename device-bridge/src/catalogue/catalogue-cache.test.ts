import { afterEach, describe, expect, it } from 'vitest';
import { platformSide, settle } from '../platform-link/testing/platform-side.ts';

const guideCode = '330100-JD-00131-000';

describe('the catalogue cache', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  const started = (options: { down?: boolean } = {}) => {
    const side = platformSide(options);
    side.services.start();
    stops.push(async () => {
      await side.services.stop();
      side.close();
    });
    return side;
  };

  it('a bridge that starts while the platform is away fills the cache on its retry timer once the line is back', async () => {
    const { services, clock, line } = started({ down: true });
    await settle();
    await expect(services.catalogue.item(guideCode)).rejects.toMatchObject({ code: 'platform-unavailable' });
    line.down = false;
    clock.advance(60_000);
    await settle();
    line.down = true;
    expect((await services.catalogue.item(guideCode)).guide.conditions.length).toBeGreaterThan(0);
    expect(await services.catalogue.list({ q: 'lhjy' })).toMatchObject({ cached: true, items: [{ code: guideCode }] });
  });

  it('fills a cold cache at once when a live call sees the line come back, without waiting for the timer', async () => {
    const { services, line, platform } = started({ down: true });
    await settle();
    line.down = false;
    await services.link.live(() => platform.listSlots('330100-HJ-00501-000', undefined));
    await settle();
    line.down = true;
    expect((await services.catalogue.item(guideCode)).code).toBe(guideCode);
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
