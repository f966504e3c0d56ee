import type { SqliteDatabase } from '../store/database.ts';
import type { Clock, TimerHandle } from '../time/clock.ts';
import { PlatformRejection } from '../platform/contract.ts';
import { migrateOutboxTables } from './outbox-schema.ts';
import { open, seal } from './sealed-box.ts';

export type OutboxKind = 'application' | 'rating';

/**
 * Thrown by a handler when the row must wait for another one first (a rating for an application
 * not yet delivered): tried again shortly, without counting as the platform being down.
 */
export class DeliveryDeferred extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryDeferred';
  }
}

/** How one kind of row reaches the platform, and what the kiosk records when it did. */
export interface OutboxHandler {
  /** sends the payload with its idempotency key; throws PlatformRejection (final) or anything else (retry) */
  send(payload: unknown, idempotencyKey: string): Promise<unknown>;
  /** runs inside the transaction that marks the row delivered */
  acknowledged(idempotencyKey: string, result: unknown): void;
  /** runs inside the transaction that marks the row failed for good (the platform refused it) */
  refused(idempotencyKey: string, reason: string): void;
}

export interface OutboxOptions {
  db: SqliteDatabase;
  /** per-device AES-256 key from the secrets directory */
  key: Buffer;
  clock: Clock;
  randomBytes: (n: number) => Buffer;
  handlers: Record<OutboxKind, OutboxHandler>;
  /** a claimed row is someone's for this long; a crash mid-delivery frees it when it runs out */
  leaseMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** how long the idle relay waits before looking again (new rows kick it at once) */
  pollMs?: number;
  /** rows sent at the same time */
  concurrency?: number;
  onEvent?: (event: OutboxEvent) => void;
}

export type OutboxEvent =
  | { type: 'delivered'; kind: OutboxKind; attempts: number }
  | { type: 'retry'; kind: OutboxKind; attempts: number; delayMs: number; reason: string }
  | { type: 'refused'; kind: OutboxKind; reason: string };

export type DeliveryOutcome = 'delivered' | 'pending' | 'failed';

interface OutboxRow {
  id: number;
  kind: OutboxKind;
  idempotency_key: string;
  payload: Buffer | null;
  attempts: number;
  created_at: number;
}

/**
 * The transactional outbox (architecture rule 5): a row is written in the same transaction
 * as the record the citizen was told about, then a relay delivers it with its Idempotency-Key:
 * claimed under a lease, retried with capped exponential backoff and jitter, resumed after a restart.
 * Delivery is at least once; the platform's idempotency makes it exactly once.
 */
export function createOutbox(options: OutboxOptions) {
  const { db, key, clock } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const baseBackoffMs = options.baseBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 10_000;
  const concurrency = options.concurrency ?? 4;
  migrateOutboxTables(db);
  // a wiped payload's bytes are overwritten in the file, not just unlinked from the b-tree
  db.pragma('secure_delete = ON');

  // the sealed payload is written once and dropped once; leases and retries touch outbox_schedule only
  const insert = db.prepare(
    `INSERT INTO outbox (kind, idempotency_key, payload, state, created_at)
     VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const schedule0 = db.prepare('INSERT INTO outbox_schedule (outbox_id, attempts, next_attempt_at) VALUES (?, 0, ?)');
  const due = db.prepare(
    `SELECT s.outbox_id AS id FROM outbox_schedule s
     WHERE s.next_attempt_at <= ? AND (s.lease_until IS NULL OR s.lease_until < ?)
     ORDER BY s.next_attempt_at, s.outbox_id LIMIT ?`,
  );
  const rowOf = db.prepare(
    'SELECT o.id, o.kind, o.idempotency_key, o.payload, s.attempts, o.created_at FROM outbox o JOIN outbox_schedule s ON s.outbox_id = o.id WHERE o.id = ?',
  );
  const lease = db.prepare('UPDATE outbox_schedule SET lease_until = ? WHERE outbox_id = ?');
  const unschedule = db.prepare('DELETE FROM outbox_schedule WHERE outbox_id = ?');
  const markDelivered = db.prepare(
    "UPDATE outbox SET state = 'delivered', payload = NULL, attempts = ?, delivered_at = ?, result = ? WHERE id = ?",
  );
  const markFailed = db.prepare("UPDATE outbox SET state = 'failed', payload = NULL, attempts = ?, last_error = ? WHERE id = ?");
  const markRetry = db.prepare(
    'UPDATE outbox_schedule SET lease_until = NULL, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE outbox_id = ?',
  );
  const deferRow = db.prepare('UPDATE outbox_schedule SET lease_until = NULL, next_attempt_at = ?, last_error = ? WHERE outbox_id = ?');
  const stateOf = db.prepare('SELECT state FROM outbox WHERE idempotency_key = ?');
  const nextDue = db.prepare('SELECT min(next_attempt_at) AS at FROM outbox_schedule');
  const backlog = db.prepare("SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state = 'pending'");
  const settle = (id: number, mark: () => void) =>
    db.transaction(() => {
      mark();
      unschedule.run(id);
    });

  // One bridge per data directory: leases left by a killed process are void at start.
  db.prepare('UPDATE outbox_schedule SET lease_until = NULL').run();

  let running = false;
  let timer: TimerHandle | null = null;
  let draining: Promise<void> | null = null;
  let again = false;
  const waiters = new Map<string, ((outcome: DeliveryOutcome) => void)[]>();

  /** tells whoever waits in deliverSoon how the row's attempt went */
  function notify(idempotencyKey: string, outcome: DeliveryOutcome): void {
    const list = waiters.get(idempotencyKey);
    if (!list) return;
    waiters.delete(idempotencyKey);
    for (const resolve of list) resolve(outcome);
  }

  function backoffMs(attempts: number): number {
    const exponential = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.min(30, attempts - 1));
    // full jitter in the upper half, so a fleet coming back does not retry in lockstep
    const jitter = options.randomBytes(2).readUInt16BE(0) / 0xffff;
    return Math.round(exponential * (0.5 + jitter / 2));
  }

  const claim = db.transaction((now: number) => {
    const ids = due.all(now, now, concurrency) as { id: number }[];
    for (const { id } of ids) lease.run(now + leaseMs, id);
    return ids.map(({ id }) => rowOf.get(id) as OutboxRow);
  });

  async function deliver(row: OutboxRow): Promise<void> {
    const handler = options.handlers[row.kind];
    let payload: unknown;
    try {
      payload = JSON.parse(open(key, row.payload!, row.idempotency_key).toString('utf8'));
    } catch (error) {
      // a payload that does not open will never open: keep the row as failed for a technician
      settle(row.id, () => {
        markFailed.run(row.attempts, `payload cannot be opened: ${(error as Error).message}`, row.id);
        handler.refused(row.idempotency_key, 'the stored data could not be read');
      })();
      notify(row.idempotency_key, 'failed');
      return;
    }
    try {
      const result = await handler.send(payload, row.idempotency_key);
      settle(row.id, () => {
        markDelivered.run(row.attempts + 1, clock.now().getTime(), JSON.stringify(result ?? null), row.id);
        handler.acknowledged(row.idempotency_key, result);
      })();
      options.onEvent?.({ type: 'delivered', kind: row.kind, attempts: row.attempts + 1 });
      notify(row.idempotency_key, 'delivered');
    } catch (error) {
      if (error instanceof PlatformRejection) {
        settle(row.id, () => {
          markFailed.run(row.attempts + 1, `${error.code}: ${error.message}`, row.id);
          handler.refused(row.idempotency_key, error.message);
        })();
        options.onEvent?.({ type: 'refused', kind: row.kind, reason: error.code });
        notify(row.idempotency_key, 'failed');
        return;
      }
      const reason = (error as Error).message;
      if (error instanceof DeliveryDeferred) {
        // not an attempt at the platform: no backoff growth, no "platform down"
        deferRow.run(clock.now().getTime() + baseBackoffMs, reason.slice(0, 500), row.id);
        notify(row.idempotency_key, 'pending');
        return;
      }
      const delayMs = backoffMs(row.attempts + 1);
      markRetry.run(clock.now().getTime() + delayMs, reason.slice(0, 500), row.id);
      options.onEvent?.({ type: 'retry', kind: row.kind, attempts: row.attempts + 1, delayMs, reason });
      notify(row.idempotency_key, 'pending');
    }
  }

  /** delivers every row that is due now (batches of `concurrency`); returns how many were attempted */
  async function drain(keepGoing: () => boolean = () => true): Promise<number> {
    let attempted = 0;
    while (keepGoing()) {
      const rows = claim(clock.now().getTime());
      if (rows.length === 0) break;
      await Promise.all(rows.map((row) => deliver(row)));
      attempted += rows.length;
    }
    return attempted;
  }

  function schedule(ms: number): void {
    if (!running) return;
    if (timer) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      void pump();
    }, ms);
  }

  async function pump(): Promise<void> {
    if (!running) return;
    if (draining) {
      again = true;
      return;
    }
    draining = (async () => {
      do {
        again = false;
        await drain(() => running);
      } while (again && running);
    })();
    try {
      await draining;
    } finally {
      draining = null;
    }
    const next = (nextDue.get() as { at: number | null }).at;
    const wait = next === null ? pollMs : Math.max(10, Math.min(pollMs, next - clock.now().getTime()));
    schedule(wait);
  }

  return {
    /**
     * Writes an outbox row; call inside the caller's transaction so the record and its row commit
     * together. Returns false when a row with this key exists (a retried request).
     */
    add(kind: OutboxKind, idempotencyKey: string, payload: unknown): boolean {
      const now = clock.now().getTime();
      const box = seal(key, Buffer.from(JSON.stringify(payload), 'utf8'), idempotencyKey, options.randomBytes);
      // a savepoint inside the caller's transaction: the row is never there without its schedule
      return db.transaction(() => {
        const inserted = insert.run(kind, idempotencyKey, box, now);
        if (inserted.changes !== 1) return false;
        schedule0.run(inserted.lastInsertRowid, now);
        return true;
      })();
    },
    start(): void {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      if (draining) await draining;
    },
    /** the line is back: every waiting row is due now, whatever its backoff said */
    retryNow(): void {
      db.prepare('UPDATE outbox_schedule SET next_attempt_at = ? WHERE next_attempt_at > ?').run(
        clock.now().getTime(),
        clock.now().getTime(),
      );
      if (running) void pump();
    },
    /** a new row is waiting: deliver now instead of at the next poll */
    kick(): void {
      if (running) void pump();
    },
    /** kicks the relay and waits (at most maxWaitMs on the clock) for this row's first outcome */
    deliverSoon(idempotencyKey: string, maxWaitMs: number): Promise<DeliveryOutcome> {
      const state = (stateOf.get(idempotencyKey) as { state: string } | undefined)?.state;
      if (state === 'delivered') return Promise.resolve('delivered');
      if (state === 'failed') return Promise.resolve('failed');
      return new Promise((resolve) => {
        const list = waiters.get(idempotencyKey) ?? [];
        let done = false;
        const finish = (outcome: DeliveryOutcome) => {
          if (done) return;
          done = true;
          clock.clearTimeout(handle);
          resolve(outcome);
        };
        const handle = clock.setTimeout(() => finish('pending'), maxWaitMs);
        list.push(finish);
        waiters.set(idempotencyKey, list);
        if (running) void pump();
      });
    },
    drainOnce: () => drain(),
    stats(): { backlog: number; oldestAgeSeconds: number } {
      const row = backlog.get() as { n: number; oldest: number | null };
      return { backlog: row.n, oldestAgeSeconds: row.oldest === null ? 0 : Math.max(0, (clock.now().getTime() - row.oldest) / 1000) };
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
