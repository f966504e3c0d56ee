import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { loadStaffCodeChecker, writeStaffCode } from './staff-code.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('staff code', () => {
  it('is not offered until set; then accepts the code, refuses others, and locks after five wrong ones', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-staff-'));
    dirs.push(dataDir);
    const clock = createManualClock(new Date('2026-01-05T09:00:00Z'));
    expect(loadStaffCodeChecker(dataDir, clock)).toBeNull();
    writeStaffCode(dataDir, '20260105', (n) => Buffer.alloc(n, 7));
    expect(statSync(join(dataDir, 'staff-code.json')).mode & 0o777).toBe(0o600);
    const checker = loadStaffCodeChecker(dataDir, clock)!;
    expect(checker.check('20260105')).toBe('ok');
    for (let i = 0; i < 4; i++) expect(checker.check('11111111')).toBe('wrong');
    expect(checker.check('11111111')).toBe('locked');
    expect(checker.check('20260105')).toBe('locked');
    clock.advance(5 * 60_000);
    expect(checker.check('20260105')).toBe('ok');
    expect(() => writeStaffCode(dataDir, '12', (n) => Buffer.alloc(n))).toThrow(/4 to 12 digits/);
  });
});
