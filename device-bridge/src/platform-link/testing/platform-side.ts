import { randomBytes } from 'node:crypto';
import { createManualClock } from '../../devices/testing/manual-clock.ts';
import { createRatingStore } from '../../ratings/rating-store.ts';
import { openDatabase } from '../../store/database.ts';
import { storeMigrations } from '../../store/migrations.ts';
import { createPlatformServices } from '../platform-services.ts';
import { switchablePlatform } from './switchable-platform.ts';

/**
 * The kiosk's platform side as the bridge wires it, over an in-memory kiosk store and an embedded
 * platform whose line a test can cut, on a manual clock. Reopening (`reopen`) builds the services
 * again over the same store, as a restarted bridge would.
 */
export function platformSide(options: { down?: boolean } = {}) {
  const clock = createManualClock(new Date('2026-11-23T02:00:00Z'));
  const { platform, line, embedded } = switchablePlatform({ clock, kioskId: 'K1', ...options });
  const db = openDatabase(':memory:', storeMigrations);
  const key = randomBytes(32);
  const build = () =>
    createPlatformServices({
      db,
      ratingStore: createRatingStore(db),
      platform,
      kioskId: 'K1',
      key,
      clock,
      randomBytes,
      newId: () => crypto.randomUUID(),
      materials: null,
      printReceipt: null,
      submitWaitMs: 0,
    });
  return { clock, line, platform, embedded, db, key, services: build(), reopen: build, close: () => (embedded.close(), db.close()) };
}

/** lets the promise chains the services started run (the platform answers at once, the clock is manual) */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setImmediate(resolve));
}
