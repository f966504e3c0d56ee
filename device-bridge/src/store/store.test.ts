import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log/logger.ts';
import { openDatabase } from './database.ts';
import { storeMigrations } from './migrations.ts';
import { openKioskStore } from './store.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'tongban-store-'));

describe('kiosk store', () => {
  it('opens in WAL mode with synchronous=FULL so an acknowledged job survives power loss', () => {
    const store = openKioskStore(freshDir(), createMemoryLogger());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(store.db.pragma('user_version', { simple: true })).toBe(storeMigrations.length);
    store.close();
  });

  it('keeps print jobs and their progress across a restart', () => {
    const dir = freshDir();
    const first = openKioskStore(dir, createMemoryLogger());
    first.printJobs.insert({
      id: 'job-1',
      certificateType: 'social-insurance-contribution',
      certificateNumber: 'SB20261122-AAAA0000',
      pages: 2,
      copies: 1,
      sessionId: null,
      createdAt: '2026-11-22T01:00:00.000Z',
    });
    first.printJobs.update('job-1', { state: 'held', pagesPrinted: 1, reason: 'paper-out', updatedAt: '2026-11-22T01:00:05.000Z' });
    first.close();

    const second = openKioskStore(dir, createMemoryLogger());
    expect(second.printJobs.unfinished()).toEqual([
      expect.objectContaining({ id: 'job-1', state: 'held', pagesPrinted: 1, reason: 'paper-out' }),
    ]);
    second.printJobs.update('job-1', { state: 'completed', pagesPrinted: 2, updatedAt: '2026-11-22T01:00:09.000Z' });
    expect(second.printJobs.unfinished()).toEqual([]);
    expect(second.printJobs.get('job-1')).not.toHaveProperty('reason');
    second.close();
  });

  it('applies each migration once and refuses a file from a newer version', () => {
    const file = join(freshDir(), 'x.db');
    const applied: number[] = [];
    openDatabase(file, ['CREATE TABLE a (x)'], (v) => applied.push(v)).close();
    openDatabase(file, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'], (v) => applied.push(v)).close();
    expect(applied).toEqual([1, 2]);
    expect(() => openDatabase(file, ['CREATE TABLE a (x)'])).toThrow(/newer version/);
  });

  it('rejects a rating grade outside 1–5 at the database too', () => {
    const store = openKioskStore(freshDir(), createMemoryLogger());
    const rating = { id: 'r1', serviceCode: 'x', caseId: 'c', kioskId: 'k', createdAt: 'now' };
    expect(() => store.ratings.insert({ ...rating, grade: 6 as 5 })).toThrow();
    store.ratings.insert({ ...rating, grade: 5 });
    expect(store.ratings.get('r1')?.grade).toBe(5);
    store.close();
  });
});
