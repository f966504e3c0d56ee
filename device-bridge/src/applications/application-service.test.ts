import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationSubmitParsed } from '../api/index.ts';
import type { SqliteDatabase } from '../store/database.ts';
import { submitApplicationSchema, type SubmitApplication } from '../platform/contract.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { platformSide, settle } from '../platform-link/testing/platform-side.ts';

const guideCode = '330100-JD-00131-000';
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

const hashOf = (db: SqliteDatabase, localNumber: string) =>
  (db.prepare('SELECT applicant_hash AS hash FROM kiosk_applications WHERE local_number = ?').get(localNumber) as { hash: string | null })
    .hash;

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});
const started = (options: { down?: boolean } = {}) => {
  const side = platformSide(options);
  side.services.start();
  opened.push(async () => {
    await side.services.stop();
    side.close();
  });
  return side;
};

describe('applications at the kiosk', () => {
  it('forgets whose an application was once the platform has it, and still answers a repeat with the same receipt', async () => {
    const { services, db } = started();
    await settle();
    const { applications } = services;
    const body = request();
    const first = await applications.submit(zhang, body, verified);
    expect(first).toMatchObject({ created: true, receipt: { delivery: 'delivered' } });
    expect(hashOf(db, first.receipt.localNumber)).toBeNull();
    const again = await applications.submit(zhang, body, verified);
    expect(again).toMatchObject({
      created: false,
      receipt: { localNumber: first.receipt.localNumber, platformNumber: first.receipt.platformNumber },
    });
    await expect(applications.submit(li, body, verified)).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    // the citizen still sees it: the platform lists it now
    const listed = await applications.list(zhang);
    expect(
      listed.applications.filter((entry) => entry.localNumber === first.receipt.localNumber).map((entry) => entry.caseNumberKind),
    ).toEqual(['platform']);
  });

  it('keeps the applicant of an application still waiting (listed as waiting) and forgets a refused one after 30 days', async () => {
    const { services, db, line, clock } = started();
    await settle();
    const { applications } = services;
    line.down = true;
    const waiting = await applications.submit(zhang, request(), verified);
    expect(waiting.receipt.delivery).toBe('waiting');
    expect(hashOf(db, waiting.receipt.localNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect((await applications.list(zhang)).applications.map((entry) => entry.caseNumber)).toEqual([waiting.receipt.localNumber]);
    // the platform refuses it for good once the line is back (here: it says the item is gone)
    db.prepare("UPDATE kiosk_applications SET failure = 'item-not-found', settled_at = ? WHERE local_number = ?").run(
      clock.now().getTime(),
      waiting.receipt.localNumber,
    );
    expect((await applications.list(zhang)).applications.map((entry) => entry.state)).toEqual(['rejected']);
    clock.advance(31 * 24 * 3_600_000);
    expect((await applications.list(zhang)).applications).toEqual([]);
    expect(hashOf(db, waiting.receipt.localNumber)).toBeNull();
  });

  it('gives two identical POSTs at once the same receipt: one application, one outbox row, no error', async () => {
    const { services, db } = started();
    await settle();
    const { applications } = services;
    const body = request();
    const [a, b] = await Promise.all([applications.submit(zhang, body, verified), applications.submit(zhang, body, verified)]);
    expect(a.receipt.localNumber).toBe(b.receipt.localNumber);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM kiosk_applications').get() as { n: number }).n).toBe(1);
    // and a different citizen racing with the same key is refused, not given the receipt
    const other = request();
    const [mine, theirs] = await Promise.allSettled([
      applications.submit(zhang, other, verified),
      applications.submit(li, other, verified),
    ]);
    expect(mine.status).toBe('fulfilled');
    expect(theirs).toMatchObject({ status: 'rejected', reason: { code: 'idempotency-key-reused' } });
  });

  it('upgrades rows from before the owner check: a repeat still gets its receipt, and the delivered one forgets its applicant', async () => {
    const side = platformSide();
    side.services.start();
    await settle();
    const body = request();
    const { receipt } = await side.services.applications.submit(zhang, body, verified);
    await side.services.stop();
    // as an older build left it: the applicant's keyed hash kept after delivery, no owner check
    const legacyHash = createHmac('sha256', side.key).update(`applicant:${zhang.idNumber}`).digest('hex');
    side.db.prepare('UPDATE kiosk_applications SET applicant_hash = ?, request_owner = NULL, settled_at = NULL').run(legacyHash);
    const reopened = side.reopen();
    expect(hashOf(side.db, receipt.localNumber)).toBeNull();
    reopened.start();
    expect(await reopened.applications.submit(zhang, body, verified)).toMatchObject({
      created: false,
      receipt: { localNumber: receipt.localNumber },
    });
    await expect(reopened.applications.submit(li, body, verified)).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    await reopened.stop();
    side.close();
  });
});

describe('applications need the person confirmed (实人)', () => {
  const spyOnSubmissions = (side: ReturnType<typeof platformSide>) => {
    const sent: SubmitApplication[] = [];
    const submit = side.embedded.submitApplication.bind(side.embedded);
    side.embedded.submitApplication = (application: SubmitApplication) => (sent.push(application), submit(application));
    return sent;
  };

  it('refuses an application from a session nobody confirmed, and stores nothing', async () => {
    const side = started();
    const sent = spyOnSubmissions(side);
    await expect(side.services.applications.submit(zhang, request(), null)).rejects.toMatchObject({ code: 'identity-not-verified' });
    expect((await side.services.applications.list(zhang)).applications.filter((entry) => entry.channel === 'kiosk')).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('sends the platform how and when the person was confirmed', async () => {
    const side = started();
    const sent = spyOnSubmissions(side);
    const { created } = await side.services.applications.submit(zhang, request(), verified);
    await settle();
    expect(created).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.identityVerification).toEqual(verified);
    expect(submitApplicationSchema.parse(sent[0]).identityVerification).toEqual(verified);
  });
});
