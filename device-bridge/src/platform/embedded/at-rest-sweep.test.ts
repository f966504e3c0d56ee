import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isHashed, kioskAtRest } from './at-rest.ts';
import { hashIdNumbers, keepNothingClear, type ClearDataSweep } from './at-rest-sweep.ts';

const atRest = kioskAtRest(randomBytes(32), randomBytes);

describe('keeping nothing clear inside a kiosk', () => {
  const open: Database.Database[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));
  function tickets(...idNumbers: string[]) {
    const db = new Database(':memory:');
    open.push(db);
    db.exec('CREATE TABLE tickets (number TEXT PRIMARY KEY, id_number TEXT NOT NULL)');
    idNumbers.forEach((idNumber, index) => db.prepare('INSERT INTO tickets VALUES (?, ?)').run(`T${index}`, idNumber));
    return db;
  }
  const idNumbers = (db: Database.Database) =>
    (db.prepare('SELECT id_number FROM tickets ORDER BY number').all() as { id_number: string }[]).map((row) => row.id_number);

  it('hashes every ID number still in clear, the same person to the same hash, and leaves hashed ones', () => {
    const hashed = atRest.idNumber('330106199103142171');
    const db = tickets('110105199208157714', hashed, '110105199208157714');
    expect(hashIdNumbers(db, 'tickets', atRest)).toBe(2);
    const [first, second, third] = idNumbers(db);
    expect([first, second, third].every((value) => isHashed(value!))).toBe(true);
    expect(first).toBe(third);
    expect(second).toBe(hashed);
    expect(hashIdNumbers(db, 'tickets', atRest)).toBe(0);
  });

  it('runs the sweeps in one transaction: one failing leaves what the others changed undone', () => {
    const db = tickets('110105199208157714');
    const failing: ClearDataSweep = () => {
      throw new Error('sweep failed');
    };
    expect(() => keepNothingClear(db, atRest, [(sweepDb) => hashIdNumbers(sweepDb, 'tickets', atRest), failing])).toThrow('sweep failed');
    expect(idNumbers(db)).toEqual(['110105199208157714']);
    keepNothingClear(db, atRest, [(sweepDb) => hashIdNumbers(sweepDb, 'tickets', atRest)]);
    expect(isHashed(idNumbers(db)[0]!)).toBe(true);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});
