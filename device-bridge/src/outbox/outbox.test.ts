import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { PlatformRejection } from '../platform/contract.ts';
import { createPlatformLink } from '../platform-link/platform-link.ts';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutbox, DeliveryDeferred, type OutboxHandler } from './outbox.ts';
import { outboxMigrations } from './outbox-schema.ts';
import { seal } from './sealed-box.ts';

function setup(send: OutboxHandler['send']) {
  const db = new Database(':memory:');
  const clock = createManualClock(new Date('2026-11-22T02:00:00Z'));
  const refused: string[] = [];
  const acknowledged: string[] = [];
  // what the relay sees of the line reaches the platform link through its events, as in the bridge
  const link = createPlatformLink({ clock });
  const outbox = createOutbox({
    db,
    key: randomBytes(32),
    clock,
    randomBytes,
    onEvent: (event) => link.noteDelivery(event),
    handlers: {
      application: {
        send,
        acknowledged: (key) => void acknowledged.push(key),
        refused: (key, reason) => void refused.push(`${key}: ${reason}`),
      },
      rating: { send, acknowledged: () => undefined, refused: () => undefined },
    },
  });
  return { db, clock, outbox, link, refused, acknowledged };
}

const payload = { applicant: { idNumber: '330106199103142171', name: '张伟' }, form: { phone: '13800000000' } };

describe('outbox', () => {
  it('keeps payloads sealed at rest: neither the ID number nor the name is readable in the file', () => {
    const { db, outbox } = setup(async () => ({}));
    outbox.add('application', 'key-1', payload);
    const row = db.prepare('SELECT payload FROM outbox').get() as { payload: Buffer };
    expect(row.payload.includes(Buffer.from('330106199103142171'))).toBe(false);
    expect(row.payload.includes(Buffer.from('张伟'))).toBe(false);
    expect(row.payload.length).toBeGreaterThan(28);
  });

  it('adds a row once per idempotency key', () => {
    const { outbox } = setup(async () => ({}));
    expect(outbox.add('application', 'key-1', payload)).toBe(true);
    expect(outbox.add('application', 'key-1', payload)).toBe(false);
    expect(outbox.stats().backlog).toBe(1);
  });

  it('sends the decrypted payload with its key, records the acknowledgement and wipes the sealed copy', async () => {
    const seen: unknown[] = [];
    const { db, outbox, acknowledged } = setup(async (body, key) => void seen.push({ body, key }));
    outbox.add('application', 'key-1', payload);
    await outbox.drainOnce();
    expect(seen).toEqual([{ body: payload, key: 'key-1' }]);
    expect(acknowledged).toEqual(['key-1']);
    expect(db.prepare('SELECT state, payload FROM outbox').get()).toEqual({ state: 'delivered', payload: null });
  });

  it('does not retry what the platform refused, and tells the application why', async () => {
    const { db, outbox, refused } = setup(async () => {
      throw new PlatformRejection('item-not-applicable', 'not at a kiosk', 409);
    });
    outbox.add('application', 'key-1', payload);
    await outbox.drainOnce();
    expect(refused).toEqual(['key-1: not at a kiosk']);
    expect(db.prepare('SELECT state, payload FROM outbox').get()).toEqual({ state: 'failed', payload: null });
    expect(outbox.stats().backlog).toBe(0);
  });

  it('refuses a payload moved into another row (the key is bound to its row)', async () => {
    const { db, outbox, refused } = setup(async () => ({}));
    outbox.add('application', 'key-1', payload);
    outbox.add('application', 'key-2', { other: true });
    db.prepare(
      "UPDATE outbox SET payload = (SELECT payload FROM outbox WHERE idempotency_key = 'key-1') WHERE idempotency_key = 'key-2'",
    ).run();
    await outbox.drainOnce();
    expect(refused).toEqual(['key-2: the stored data could not be read']);
  });

  it('does not hand a leased row to a second delivery while the first is still in flight', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const { outbox, clock } = setup(
      () =>
        new Promise((resolve) => {
          calls++;
          release = () => resolve({});
        }),
    );
    outbox.add('application', 'key-1', payload);
    const first = outbox.drainOnce();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await outbox.drainOnce()).toBe(0);
    clock.advance(10_000);
    expect(await outbox.drainOnce()).toBe(0);
    release();
    await first;
    expect(calls).toBe(1);
    expect(outbox.stats()).toEqual({ backlog: 0, oldestAgeSeconds: 0 });
  });

  it('lets a row wait for another without calling the platform down or growing its backoff', async () => {
    let ready = false;
    const { outbox, link, clock } = setup(async () => {
      if (!ready) throw new DeliveryDeferred('waits for its application');
      return {};
    });
    outbox.add('rating', 'key-1', payload);
    await outbox.drainOnce();
    expect(link.state().reachable).toBeNull();
    expect(outbox.stats().backlog).toBe(1);
    ready = true;
    clock.advance(1_000);
    await outbox.drainOnce();
    expect(outbox.stats().backlog).toBe(0);
  });

  it("does not rewrite a waiting application's sealed scans on every lease and retry (flash writes stay small)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-outbox-'));
    try {
      const db = new Database(join(dir, 'kiosk.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      const clock = createManualClock(new Date('2026-11-22T02:00:00Z'));
      const outbox = createOutbox({
        db,
        key: randomBytes(32),
        clock,
        randomBytes,
        baseBackoffMs: 1_000,
        maxBackoffMs: 1_000,
        handlers: {
          application: {
            send: async () => {
              throw new Error('connect ECONNREFUSED');
            },
            acknowledged: () => undefined,
            refused: () => undefined,
          },
          rating: { send: async () => undefined, acknowledged: () => undefined, refused: () => undefined },
        },
      });
      outbox.add('application', 'key-1', { page: randomBytes(1024 * 1024).toString('base64') });
      const walAfterAdd = statSync(join(dir, 'kiosk.db-wal')).size;
      for (let attempt = 0; attempt < 20; attempt++) {
        await outbox.drainOnce();
        clock.advance(1_000);
      }
      expect((db.prepare('SELECT attempts FROM outbox_schedule').get() as { attempts: number }).attempts).toBe(20);
      // 20 leases and 20 retries of a 1.4 MB row: a few small pages each, not 40 copies of the row
      expect(statSync(join(dir, 'kiosk.db-wal')).size - walAfterAdd).toBeLessThan(1024 * 1024);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the schedule of rows an older build left waiting, lease void, and delivers them when due', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_parts (name TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    db.exec(outboxMigrations[0]!);
    db.exec(outboxMigrations[1]!);
    db.prepare("INSERT INTO schema_parts (name, version) VALUES ('outbox', 2)").run();
    const key = randomBytes(32);
    const due = Date.parse('2026-11-22T02:00:30Z');
    db.prepare(
      "INSERT INTO outbox (kind, idempotency_key, payload, state, attempts, next_attempt_at, lease_until, created_at) VALUES ('application', 'old-1', ?, 'pending', 3, ?, ?, 0)",
    ).run(seal(key, Buffer.from(JSON.stringify(payload)), 'old-1', randomBytes), due, due + 60_000);
    const clock = createManualClock(new Date('2026-11-22T02:00:00Z'));
    const sent: string[] = [];
    const outbox = createOutbox({
      db,
      key,
      clock,
      randomBytes,
      handlers: {
        application: {
          send: async (_body, idempotencyKey) => void sent.push(idempotencyKey),
          acknowledged: () => undefined,
          refused: () => undefined,
        },
        rating: { send: async () => undefined, acknowledged: () => undefined, refused: () => undefined },
      },
    });
    expect(await outbox.drainOnce()).toBe(0);
    clock.advance(30_000);
    await outbox.drainOnce();
    expect(sent).toEqual(['old-1']);
    expect(db.prepare('SELECT state, attempts, payload FROM outbox').get()).toEqual({ state: 'delivered', attempts: 4, payload: null });
    expect(db.prepare('SELECT count(*) AS n FROM outbox_schedule').get()).toEqual({ n: 0 });
  });

  it('reports the backlog and the age of the oldest waiting row for metrics', async () => {
    const { outbox, link, clock } = setup(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    outbox.add('application', 'key-1', payload);
    clock.advance(90_000);
    outbox.add('rating', 'key-2', payload);
    await outbox.drainOnce();
    expect(outbox.stats()).toEqual({ backlog: 2, oldestAgeSeconds: 90 });
    expect(link.state()).toMatchObject({ reachable: false, reason: 'connect ECONNREFUSED' });
  });
});
