import { timingSafeEqual } from 'node:crypto';
import {
  certificateTypeSchema,
  type CardIdentity,
  type CertificateType,
  type CertificateTypeInfo,
  type ContributionRow,
} from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import type { CertificateData, IssuedCertificate, Platform } from '../platform.ts';
import type { CertificateDataOf } from '../../api/index.ts';
import { fullMonthsBefore } from '../china-time.ts';
import { normalizeCrockford } from '../../documents/crockford.ts';
import { openDatabase } from '../../store/database.ts';
import { platformMigrations } from './migrations.ts';
import { createEmbeddedServices, type EmbeddedServices } from './embedded-services.ts';
import type { AtRest } from './at-rest.ts';
import { certificateRecord } from './certificate-records/records.ts';
import { certificateMonths, postMonthlyContributions, seedDemoData } from './seed.ts';

export interface EmbeddedPlatformOptions {
  /** the SQLite file (created on first open); ':memory:' for a throwaway platform */
  file: string;
  clock: Clock;
  /** the kiosk this platform serves in the bridge (the standalone server serves many: see services.forKiosk) */
  kioskId?: string;
  /** what is kept of people and files: all of it on the platform server (default), hashes and sealed boxes inside a kiosk */
  atRest?: AtRest;
}

/** The embedded platform, plus its per-kiosk service views for the standalone server. */
export interface EmbeddedPlatform extends Platform {
  readonly services: EmbeddedServices;
}

interface CertificateTypeRow {
  type: string;
  title: string;
  service_code: string;
}

interface ContributionDbRow {
  month: string;
  employer: string;
  base_fen: number;
  employer_fen: number;
  personal_fen: number;
  status: 'paid' | 'owed';
}

interface IssuedDbRow {
  number: string;
  type: string;
  verification_code: string;
  content_sha256: string;
  issued_at: string;
  valid_until: string;
  masked_holder_name: string;
  masked_id_number: string;
}

/**
 * The platform built into the kiosk: its own SQLite file seeded with the demo citizens, so the kiosk
 * runs out of the box with no government back end. Answers synchronously under a Promise API so the
 * HTTP adapter can take its place unchanged.
 */
export function createEmbeddedPlatform(options: EmbeddedPlatformOptions): EmbeddedPlatform {
  const db = openDatabase(options.file, platformMigrations);
  const services = createEmbeddedServices(db, options.clock, options.atRest);
  seedDemoData(db);
  postMonthlyContributions(db, options.clock.now());

  const selectTypes = db.prepare('SELECT type, title, service_code FROM certificate_types ORDER BY sort_order');
  const selectType = db.prepare('SELECT type, title, service_code FROM certificate_types WHERE type = ?');
  // The platform's own two-factor check (name + number), as 一体化平台 level-3 identity does.
  const selectCitizen = db.prepare('SELECT name FROM citizens WHERE id_number = ? AND name = ?');
  const selectAccount = db.prepare('SELECT 1 FROM contribution_accounts WHERE id_number = ? AND type = ?');
  const selectRows = db.prepare(
    `SELECT month, employer, base_fen, employer_fen, personal_fen, status FROM contributions
     WHERE id_number = ? AND type = ? AND month BETWEEN ? AND ? ORDER BY month`,
  );
  const insertIssued = db.prepare(
    `INSERT INTO issued_certificates
       (number, type, verification_code, content_sha256, issued_at, valid_until, masked_holder_name, masked_id_number)
     VALUES (@number, @type, @verificationCode, @contentSha256, @issuedAt, @validUntil, @maskedHolderName, @maskedIdNumber)
     ON CONFLICT (number) DO NOTHING`,
  );
  const selectIssued = db.prepare('SELECT * FROM issued_certificates WHERE number = ?');

  function toTypeInfo(row: CertificateTypeRow): CertificateTypeInfo {
    return { type: certificateTypeSchema.parse(row.type), title: row.title, serviceCode: row.service_code };
  }

  function toIssued(row: IssuedDbRow): IssuedCertificate {
    return {
      number: row.number,
      type: certificateTypeSchema.parse(row.type),
      verificationCode: row.verification_code,
      contentSha256: row.content_sha256,
      issuedAt: row.issued_at,
      validUntil: row.valid_until,
      maskedHolderName: row.masked_holder_name,
      maskedIdNumber: row.masked_id_number,
    };
  }

  function certificateData(type: CertificateType, identity: CardIdentity): CertificateData | null {
    const typeRow = selectType.get(type) as CertificateTypeRow | undefined;
    if (!typeRow) return null;
    if (type !== 'social-insurance-contribution') {
      return certificateRecord(type, toTypeInfo(typeRow), identity, options.clock.now());
    }
    const citizen = selectCitizen.get(identity.idNumber, identity.name) as { name: string } | undefined;
    if (!citizen || !selectAccount.get(identity.idNumber, type)) return null;
    // A kiosk that has run since last month must still show last month.
    const now = options.clock.now();
    postMonthlyContributions(db, now, identity.idNumber);
    const months = fullMonthsBefore(now, certificateMonths);
    const dbRows = selectRows.all(identity.idNumber, type, months[0], months[months.length - 1]) as ContributionDbRow[];
    const rows: ContributionRow[] = dbRows.map((row) => ({
      month: row.month,
      employer: row.employer,
      baseFen: row.base_fen,
      employerFen: row.employer_fen,
      personalFen: row.personal_fen,
      status: row.status,
    }));
    const info = toTypeInfo(typeRow);
    return { type, title: info.title, serviceCode: info.serviceCode, holderName: citizen.name, idNumber: identity.idNumber, rows };
  }

  return {
    services,
    ...services.forKiosk(options.kioskId ?? 'embedded'),
    async listCertificateTypes() {
      return (selectTypes.all() as CertificateTypeRow[]).map(toTypeInfo);
    },

    async getCertificateData<T extends CertificateType>(type: T, identity: CardIdentity): Promise<CertificateDataOf<T> | null> {
      return certificateData(type, identity) as CertificateDataOf<T> | null;
    },

    async recordIssuedCertificate(issued: IssuedCertificate) {
      const verificationCode = normalizeCrockford(issued.verificationCode);
      if (verificationCode === null) throw new Error('verification code is not Crockford base32');
      // stored in canonical form so the check below compares like with like
      const certificate = { ...issued, number: issued.number.toUpperCase(), verificationCode };
      const inserted = insertIssued.run(certificate).changes === 1;
      if (inserted) return;
      // Recording the same certificate twice (a resumed print job) is fine; a different one under
      // the same number is a collision that must not overwrite what a receiver may already hold.
      const existing = toIssued(selectIssued.get(certificate.number) as IssuedDbRow);
      if (JSON.stringify(existing) !== JSON.stringify(toIssued(toDbShape(certificate)))) {
        throw new Error(`certificate number ${certificate.number} is already issued with different content`);
      }
    },

    async verifyCertificate(number: string, verificationCode: string) {
      const typedCode = normalizeCrockford(verificationCode);
      if (typedCode === null) return null;
      const row = selectIssued.get(number.trim().toUpperCase()) as IssuedDbRow | undefined;
      if (!row) return null;
      const expected = Buffer.from(row.verification_code);
      const typed = Buffer.from(typedCode);
      // constant-time so the code cannot be guessed a character at a time from response timing
      if (expected.length !== typed.length || !timingSafeEqual(expected, typed)) return null;
      return toIssued(row);
    },

    close() {
      db.close();
    },
  };
}

function toDbShape(certificate: IssuedCertificate): IssuedDbRow {
  return {
    number: certificate.number,
    type: certificate.type,
    verification_code: certificate.verificationCode,
    content_sha256: certificate.contentSha256,
    issued_at: certificate.issuedAt,
    valid_until: certificate.validUntil,
    masked_holder_name: certificate.maskedHolderName,
    masked_id_number: certificate.maskedIdNumber,
  };
}
