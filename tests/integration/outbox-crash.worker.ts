// A kiosk's outbox relay in its own process, for outbox-crash.test.ts: enqueues `count` applications
// (once: the enqueue is idempotent) and delivers them to the platform server, printing one line per
// delivery, then exits when nothing is left. The test SIGKILLs it mid-delivery and starts it again.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import type { SubmitApplication } from '../../device-bridge/src/platform/contract.ts';
import { createOutbox } from '../../device-bridge/src/outbox/outbox.ts';
import { loadOrCreateKey } from '../../device-bridge/src/secrets/secrets.ts';
import { openDatabase } from '../../device-bridge/src/store/database.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';

const [dataDir, baseUrl, countText, kioskId] = process.argv.slice(2) as [string, string, string, string];
const count = Number(countText);
const db = openDatabase(join(dataDir, 'kiosk.db'), []);
const platform = createHttpPlatform({ baseUrl, kioskId, timeoutMs: 5_000, readRetries: 0 });
const zhang = fixtureCitizen('zhang-wei').card;

const outbox = createOutbox({
  db,
  key: loadOrCreateKey(join(dataDir, 'secrets'), 'outbox', randomBytes),
  clock: systemClock,
  randomBytes,
  baseBackoffMs: 50,
  maxBackoffMs: 200,
  concurrency: 4,
  handlers: {
    application: { send: (payload) => platform.submitApplication(payload as SubmitApplication), acknowledged: () => undefined, refused: () => undefined },
    rating: { send: async () => undefined, acknowledged: () => undefined, refused: () => undefined },
  },
  onEvent: (event) => {
    if (event.type === 'delivered') process.stdout.write('delivered\n');
    if (event.type === 'refused') process.stdout.write(`refused ${event.reason}\n`);
  },
});

db.transaction(() => {
  for (let index = 1; index <= count; index++) {
    const localNumber = `${kioskId}-20261122-${String(index).padStart(4, '0')}`;
    const application: SubmitApplication = {
      idempotencyKey: `crash-test-${kioskId}-${index}`,
      localNumber,
      itemCode: '330100-JD-00133-000',
      applicant: { idNumber: zhang.idNumber, name: zhang.name },
      form: { phone: '13800000000', grade: '500元' },
      // a scanned page's worth of bytes, so a delivery takes long enough to be killed in the middle
      materials: [{ materialId: 'household-register', fileName: 'household-register.pdf', pdfBase64: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, index % 251)]).toString('base64') }],
      delivery: 'collect',
      submittedAt: '2026-11-22T10:00:00+08:00',
    };
    outbox.add('application', application.idempotencyKey, application);
  }
})();

process.stdout.write('ready\n');
for (;;) {
  await outbox.drainOnce();
  if (outbox.stats().backlog === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
process.stdout.write('drained\n');
db.close();
