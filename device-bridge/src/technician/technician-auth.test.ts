import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { openDatabase } from '../store/database.ts';
import { storeMigrations } from '../store/migrations.ts';
import { createAuditLog } from './audit-log.ts';
import { createLockoutStore, defaultLockoutPolicy, lockoutSeconds } from './lockout.ts';
import { hashPin, pinFile, readStoredPin, verifyPin, writeStoredPin, type StoredPin } from './pin-hash.ts';
import { createTechnicianAuth } from './technician-auth.ts';

// cheap scrypt for tests; production uses N=2^17 (productionScrypt)
const fast = { N: 2 ** 12, r: 8, p: 1 };
const pepper = Buffer.alloc(32, 7);

describe('lockout schedule', () => {
  it('allows five tries, then doubles from 15 s, capped', () => {
    const seconds = [1, 2, 3, 4, 5, 6, 7, 8, 30].map((attempts) => lockoutSeconds(attempts, defaultLockoutPolicy));
    expect(seconds).toEqual([0, 0, 0, 0, 15, 30, 60, 120, 4 * 60 * 60]);
  });
});

describe('PIN hashing', () => {
  it('verifies the right PIN only, and a different pepper fails the right PIN', async () => {
    const stored = await hashPin('482913', pepper, { parameters: fast });
    expect(stored.hash).not.toContain('482913');
    expect(await verifyPin('482913', pepper, stored)).toBe(true);
    expect(await verifyPin('482914', pepper, stored)).toBe(false);
    expect(await verifyPin('482913', Buffer.alloc(32, 8), stored)).toBe(false);
    expect(await verifyPin('abc', pepper, stored)).toBe(false);
  });

  it('production parameters work only because maxmem is raised (N=2^17 needs 128 MiB)', async () => {
    const stored = await hashPin('482913', pepper, { parameters: { N: 2 ** 17, r: 8, p: 1 } });
    expect(stored.N).toBe(131072);
  });

  it('refuses PINs that are not 6–12 digits', async () => {
    await expect(hashPin('12345', pepper, { parameters: fast })).rejects.toThrow(/6 to 12 digits/);
  });
});

describe('technician login', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function setUp(stored: StoredPin | null) {
    const clock = createManualClock();
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-tech-'));
    dirs.push(dataDir);
    const db = openDatabase(join(dataDir, 'kiosk.db'), storeMigrations);
    if (stored) writeStoredPin(dataDir, stored);
    const audit = createAuditLog(db, () => clock.now());
    const make = () =>
      createTechnicianAuth({
        clock,
        lockout: createLockoutStore(db),
        audit,
        storedPin: () => readStoredPin(dataDir),
        pepper,
        inactivitySeconds: 300,
      });
    return { clock, dataDir, db, audit, auth: make(), make };
  }

  it('keeps the PIN hash in secrets/ readable by the owner only', async () => {
    const { dataDir } = await setUp(await hashPin('482913', pepper, { parameters: fast }));
    expect(statSync(pinFile(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('says "not set up" until a PIN exists', async () => {
    const { auth } = await setUp(null);
    expect((await auth.login('482913')).kind).toBe('not-set-up');
  });

  it('locks out after five wrong PINs, longer each time, and the count survives a restart', async () => {
    const { auth, clock, make } = await setUp(await hashPin('482913', pepper, { parameters: fast }));
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await auth.login('000000')).toMatchObject({ kind: 'wrong-pin', lockedUntil: null, attemptsBeforeLockout: 5 - attempt });
    }
    const fifth = await auth.login('000000');
    expect(fifth).toMatchObject({ kind: 'wrong-pin' });
    const firstLock = fifth.kind === 'wrong-pin' ? fifth.lockedUntil!.getTime() - clock.now().getTime() : 0;
    expect(firstLock).toBe(15_000);

    // even the right PIN is refused while locked
    expect((await auth.login('482913')).kind).toBe('locked-out');

    // a "restart" (new auth object on the same database) is still locked
    const restarted = make();
    expect((await restarted.login('482913')).kind).toBe('locked-out');

    clock.advance(15_000);
    const sixth = await restarted.login('111111');
    const secondLock = sixth.kind === 'wrong-pin' ? sixth.lockedUntil!.getTime() - clock.now().getTime() : 0;
    expect(secondLock).toBe(30_000);

    clock.advance(30_000);
    expect((await restarted.login('482913')).kind).toBe('ok');
    expect(restarted.status().failedAttempts).toBe(0);
  });

  it('ends the technician session after its inactivity timeout, and only the live token works', async () => {
    const { auth, clock, audit } = await setUp(await hashPin('482913', pepper, { parameters: fast }));
    const login = await auth.login('482913');
    if (login.kind !== 'ok') throw new Error('login failed');
    expect(auth.check(login.token)).toBe(true);
    expect(auth.check(randomBytes(32).toString('hex'))).toBe(false);
    clock.advance(299_000);
    expect(auth.check(login.token)).toBe(true); // activity restarts the timer
    clock.advance(299_000);
    expect(auth.check(login.token)).toBe(true);
    clock.advance(301_000);
    expect(auth.check(login.token)).toBe(false);
    const actions = audit.recent().map((entry) => `${entry.action}:${entry.outcome}`);
    expect(actions).toEqual(['session-timeout:ok', 'login:ok']);
  });
});
