import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { IssuedCertificate, Platform } from '../platform.ts';
import { createEmbeddedPlatform } from './embedded-platform.ts';
import { fixtureCitizen, fixtureCitizens } from './fixtures.ts';

/** A clock standing still at `iso`; the platform only reads now(). */
function clockAt(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => void (now = new Date(next)),
    setTimeout: () => {
      throw new Error('the platform should not wait');
    },
    clearTimeout: (_handle: TimerHandle) => undefined,
  };
}

const citizensWithRecords = ['zhang-wei', 'li-na', 'wang-xiaoyu', 'zhao-guilan', 'ouyang-mingyuan'];

describe('embedded platform', () => {
  let directory: string;
  let file: string;
  const open: Platform[] = [];
  function openPlatform(clock: Clock): Platform {
    const platform = createEmbeddedPlatform({ file, clock });
    open.push(platform);
    return platform;
  }

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'tongban-platform-'));
    file = join(directory, 'platform.sqlite');
  });
  afterEach(() => {
    for (const platform of open.splice(0)) platform.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('offers the social-insurance contribution certificate with its official title', async () => {
    const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
    const types = await platform.listCertificateTypes();
    expect(types).toHaveLength(5);
    expect(types[0]).toMatchObject({ type: 'social-insurance-contribution', title: '社会保险参保缴费证明' });
    expect(types[0]!.serviceCode).toMatch(/^\d{6}-/);
  });

  it.each(citizensWithRecords)('returns 12 months for %s, oldest first, ending last month', async (id) => {
    const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
    const { card } = fixtureCitizen(id);
    const data = await platform.getCertificateData('social-insurance-contribution', card);
    expect(data).not.toBeNull();
    expect(data!.holderName).toBe(card.name);
    expect(data!.idNumber).toBe(card.idNumber);
    expect(data!.title).toBe('社会保险参保缴费证明');
    expect(data!.rows.map((row) => row.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    for (const row of data!.rows) {
      expect(Number.isInteger(row.personalFen) && row.personalFen > 0).toBe(true);
    }
  });

  it('uses Beijing time for "this month": 23:30 UTC on Oct 31 is already November in Hangzhou', async () => {
    const platform = openPlatform(clockAt('2026-10-31T23:30:00Z'));
    const data = await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('zhang-wei').card);
    expect(data!.rows.at(-1)!.month).toBe('2026-10');
  });

  it('charges employees 16 % (unit) and 8 % (personal) of the base', async () => {
    const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
    const data = await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('zhang-wei').card);
    const row = data!.rows[0]!;
    expect(row.employer).toBe('杭州市西湖区某科技有限公司');
    expect(row.employerFen).toBe(Math.round(row.baseFen * 0.16));
    expect(row.personalFen).toBe(Math.round(row.baseFen * 0.08));
  });

  it("shows li-na's newest month as owed, and settles it once the next month begins", async () => {
    const clock = clockAt('2026-11-22T10:00:00+08:00');
    const platform = openPlatform(clock);
    const card = fixtureCitizen('li-na').card;
    const november = await platform.getCertificateData('social-insurance-contribution', card);
    expect(november!.rows.map((row) => row.status)).toEqual([...Array(11).fill('paid'), 'owed']);

    clock.set('2026-12-02T10:00:00+08:00');
    const december = await platform.getCertificateData('social-insurance-contribution', card);
    expect(december!.rows.at(-1)).toMatchObject({ month: '2026-11', status: 'owed' });
    expect(december!.rows.find((row) => row.month === '2026-10')!.status).toBe('paid');
  });

  it('keeps the data fresh when the same file is opened months later', async () => {
    openPlatform(clockAt('2026-03-10T10:00:00+08:00')).close();
    open.length = 0;
    const platform = openPlatform(clockAt('2027-01-05T10:00:00+08:00'));
    const data = await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('ouyang-mingyuan').card);
    expect(data!.rows).toHaveLength(12);
    expect(data!.rows[0]!.month).toBe('2026-01');
    expect(data!.rows.at(-1)!.month).toBe('2026-12');
  });

  it('does not duplicate seed data when the same file is reopened', async () => {
    const clock = clockAt('2026-11-22T10:00:00+08:00');
    openPlatform(clock).close();
    open.length = 0;
    const platform = openPlatform(clock);
    expect(await platform.listCertificateTypes()).toHaveLength(5);
    const data = await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('zhang-wei').card);
    expect(data!.rows).toHaveLength(12);
    platform.close();
    open.length = 0;

    const db = new Database(file, { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT COUNT(*) AS n FROM citizens')).toBe(fixtureCitizens.length);
      expect(count('SELECT COUNT(*) AS n FROM certificate_types')).toBe(5);
      expect(count('SELECT COUNT(*) AS n FROM contributions')).toBe(citizensWithRecords.length * 12);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('has no record for someone it does not know, nor for a known number under another name', async () => {
    const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
    const card = fixtureCitizen('zhang-wei').card;
    expect(await platform.getCertificateData('social-insurance-contribution', { ...card, name: '张薇' })).toBeNull();
    expect(await platform.getCertificateData('social-insurance-contribution', fixtureCitizen('chen-expired').card)).toBeNull();
  });

  describe('verification of issued certificates', () => {
    const issued: IssuedCertificate = {
      number: 'SB20261122-7K3Q9M2X',
      type: 'social-insurance-contribution',
      verificationCode: '7K3Q9M2XAB0DEF12',
      contentSha256: 'a'.repeat(64),
      issuedAt: '2026-11-22T02:00:00.000Z',
      validUntil: '2026-12-22',
      maskedHolderName: '张*',
      maskedIdNumber: '330106********1234',
    };

    it('accepts the right code, however the receiver typed it', async () => {
      const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
      await platform.recordIssuedCertificate(issued);
      expect(await platform.verifyCertificate(issued.number, '7K3Q9M2XAB0DEF12')).toEqual(issued);
      // grouped, lower case, O for 0 and I for 1 all read the same
      expect(await platform.verifyCertificate('sb20261122-7k3q9m2x', '7k3q 9m2x-abOd-efI2')).toEqual(issued);
    });

    it('refuses a wrong code and an unknown number', async () => {
      const platform = openPlatform(clockAt('2026-11-22T10:00:00+08:00'));
      await platform.recordIssuedCertificate(issued);
      expect(await platform.verifyCertificate(issued.number, '7K3Q9M2XAB0DEF13')).toBeNull();
      expect(await platform.verifyCertificate(issued.number, '7K3Q9M2X')).toBeNull();
      expect(await platform.verifyCertificate(issued.number, '')).toBeNull();
      expect(await platform.verifyCertificate('SB20261122-00000000', issued.verificationCode)).toBeNull();
    });

    it('survives a restart, accepts recording the same certificate again, refuses a different one', async () => {
      const clock = clockAt('2026-11-22T10:00:00+08:00');
      await openPlatform(clock).recordIssuedCertificate(issued);
      open.splice(0).forEach((platform) => platform.close());
      const platform = openPlatform(clock);
      await platform.recordIssuedCertificate(issued);
      await expect(platform.recordIssuedCertificate({ ...issued, contentSha256: 'b'.repeat(64) })).rejects.toThrow(/already issued/);
      expect(await platform.verifyCertificate(issued.number, issued.verificationCode)).toEqual(issued);
    });
  });
});
