// A kiosk in its own process, for outbox-crash.test.ts: the platform side as the bridge composes
// it (createPlatformServices: application record + sealed outbox row in one transaction, relay with
// leases and backoff) over the HTTP adapter, taking `count` applications with a scanned page each
// (idempotent: a restarted worker submits the same keys again) while the relay delivers them. One
// line per delivery; "drained" and exit when nothing is left. The test SIGKILLs it mid-delivery.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import type { SessionMaterials } from '../../device-bridge/src/applications/application-service.ts';
import { createPlatformServices } from '../../device-bridge/src/platform-link/platform-services.ts';
import { createRatingStore } from '../../device-bridge/src/ratings/rating-store.ts';
import { loadOrCreateKey } from '../../device-bridge/src/secrets/secrets.ts';
import { openDatabase } from '../../device-bridge/src/store/database.ts';
import { storeMigrations } from '../../device-bridge/src/store/migrations.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';

const [dataDir, baseUrl, countText, kioskId] = process.argv.slice(2) as [string, string, string, string];
const count = Number(countText);
const db = openDatabase(join(dataDir, 'kiosk.db'), storeMigrations);
const platform = createHttpPlatform({ baseUrl, kioskId, timeoutMs: 5_000, readRetries: 0 });
const { card } = fixtureCitizen('zhang-wei');

/** the document camera's pages for one application: a 64 KB scanned page, so a delivery takes a moment */
const materials: SessionMaterials = {
  assemblePdf: async (captureId) => ({
    materialId: 'household-register',
    pages: 1,
    pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, Number(captureId.split('-')[1]) % 251)]),
  }),
  release: () => undefined,
};

const services = createPlatformServices({
  db,
  ratingStore: createRatingStore(db),
  platform,
  kioskId,
  newId: () => crypto.randomUUID(),
  materials,
  printReceipt: null,
  key: loadOrCreateKey(join(dataDir, 'secrets'), 'outbox', randomBytes),
  clock: systemClock,
  randomBytes,
  // the citizen is answered at once; delivery goes on in the background as it does at the kiosk
  submitWaitMs: 0,
  outbox: { baseBackoffMs: 50, maxBackoffMs: 200, concurrency: 4, pollMs: 50 },
  onOutboxEvent: (event) => {
    if (event.type === 'delivered') process.stdout.write('delivered\n');
    if (event.type === 'refused') process.stdout.write(`refused ${event.reason}\n`);
  },
});
services.start();

for (let index = 1; index <= count; index++) {
  await services.applications.submit(
    card,
    {
      // 城乡居民基本养老保险参保登记: a choice, and the household register page the kiosk photographs
      itemCode: '330100-JD-00133-000',
      form: { phone: '13800000000', grade: '500元' },
      materials: [{ materialId: 'household-register', captureId: `capture-${index}` }],
      idempotencyKey: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      delivery: 'collect',
    },
    // confirmed at the kiosk (the bridge refuses an application without it)
    { method: 'staff', at: new Date().toISOString() },
  );
}
process.stdout.write('submitted\n');
while (services.outbox.stats().backlog > 0) await new Promise((resolve) => setTimeout(resolve, 50));
await services.stop();
process.stdout.write('drained\n');
db.close();
