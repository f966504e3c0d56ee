import type { SqliteDatabase as PlatformDatabase } from '../../store/database.ts';
import { fixtureCitizen, fixtureCitizens } from './fixtures.ts';
import { certificateTypeSeed, contributionAccountSeed } from './seed-data.ts';
import { fullMonthsBefore } from '../china-time.ts';

/** How many full months of contributions a certificate covers. */
export const certificateMonths = 12;

/**
 * Puts the demo citizens, their accounts and the certificate types into a fresh file. Every insert
 * ignores rows already there (certificate types take the seed's title and item code), so reopening
 * the same file never duplicates anything.
 */
export function seedDemoData(db: PlatformDatabase): void {
  const insertType = db.prepare(
    // title and item code follow the seed (a file seeded before they were aligned with the catalogue catches up)
    `INSERT INTO certificate_types (type, title, service_code, sort_order) VALUES (?, ?, ?, ?)
     ON CONFLICT (type) DO UPDATE SET title = excluded.title, service_code = excluded.service_code`,
  );
  const insertCitizen = db.prepare('INSERT OR IGNORE INTO citizens (id_number, name) VALUES (?, ?)');
  const insertAccount = db.prepare(
    `INSERT OR IGNORE INTO contribution_accounts (id_number, type, employer, base_fen, employer_fen, personal_fen, pays_late)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    certificateTypeSeed.forEach((info, index) => insertType.run(info.type, info.title, info.serviceCode, index));
    for (const { card } of fixtureCitizens) insertCitizen.run(card.idNumber, card.name);
    for (const account of contributionAccountSeed) {
      const { card } = fixtureCitizen(account.fixtureId);
      insertAccount.run(
        card.idNumber,
        account.type,
        account.employer,
        account.baseFen,
        account.employerFen,
        account.personalFen,
        account.paysLate ? 1 : 0,
      );
    }
  })();
}

interface AccountRow {
  id_number: string;
  type: string;
  employer: string;
  base_fen: number;
  employer_fen: number;
  personal_fen: number;
  pays_late: number;
}

/**
 * Posts each account's monthly contribution for the full months before `now`, the way the
 * collection system would have, so the demo data never goes stale however long the file lives.
 * An account that pays late shows the newest month as 欠缴; older arrears count as settled.
 * Limited to one person when `idNumber` is given (the query path).
 */
export function postMonthlyContributions(db: PlatformDatabase, now: Date, idNumber?: string): void {
  const months = fullMonthsBefore(now, certificateMonths);
  const newestMonth = months[months.length - 1]!;
  const accounts = (
    idNumber === undefined
      ? db.prepare('SELECT * FROM contribution_accounts').all()
      : db.prepare('SELECT * FROM contribution_accounts WHERE id_number = ?').all(idNumber)
  ) as AccountRow[];
  const insertRow = db.prepare(
    `INSERT OR IGNORE INTO contributions (id_number, type, month, employer, base_fen, employer_fen, personal_fen, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const settleArrears = db.prepare(
    "UPDATE contributions SET status = 'paid' WHERE id_number = ? AND type = ? AND status = 'owed' AND month < ?",
  );
  db.transaction(() => {
    for (const account of accounts) {
      for (const month of months) {
        const owed = account.pays_late === 1 && month === newestMonth;
        insertRow.run(
          account.id_number,
          account.type,
          month,
          account.employer,
          account.base_fen,
          account.employer_fen,
          account.personal_fen,
          owed ? 'owed' : 'paid',
        );
      }
      if (account.pays_late === 1) settleArrears.run(account.id_number, account.type, newestMonth);
    }
  })();
}
