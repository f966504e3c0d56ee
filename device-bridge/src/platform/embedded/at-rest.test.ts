import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../devices/testing/manual-clock.ts';
import type { SubmitApplication } from '../contract.ts';
import { kioskAtRest } from './at-rest.ts';
import { createEmbeddedPlatform } from './embedded-platform.ts';

// someone who is not a demo fixture, so no seeded record holds them in clear
const applicant = { idNumber: '110105199208157719', name: '欧阳测试' };
const scanned = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('SCANNED-LEASE-PAGE-'.repeat(200))]);
const signature = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from('SIGNATURE-STROKES-'.repeat(50))]);

function application(): SubmitApplication {
  return {
    idempotencyKey: randomUUID(),
    localNumber: 'K1-20261122-0001',
    itemCode: '330100-HJ-00530-000',
    applicant,
    form: { phone: '13912345678', address: '杭州市西湖区文三路478号' },
    materials: [{ materialId: 'housing', fileName: 'housing.pdf', pdfBase64: scanned.toString('base64') }],
    delivery: 'collect',
    submittedAt: '2026-11-22T10:00:00+08:00',
    signaturePngBase64: signature.toString('base64'),
  };
}

/** every byte under the directory, the SQLite file and its WAL included */
function bytesUnder(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name))),
  );
}

describe('the embedded platform inside a kiosk keeps no one in clear', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const key = randomBytes(32);
  const clock = createManualClock(new Date('2026-11-23T02:00:00Z'));

  function open(dir: string, inKiosk: boolean) {
    return createEmbeddedPlatform({
      file: join(dir, 'platform.db'),
      clock,
      kioskId: 'K1',
      ...(inKiosk ? { atRest: kioskAtRest(key, randomBytes) } : {}),
    });
  }
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-at-rest-'));
    dirs.push(dir);
    return dir;
  };
  const expectNothingClear = (dir: string) => {
    const bytes = bytesUnder(dir);
    for (const [what, needle] of [
      ['ID number', Buffer.from(applicant.idNumber)],
      ['name', Buffer.from(applicant.name)],
      ['phone', Buffer.from('13912345678')],
      ['scanned page', Buffer.from('SCANNED-LEASE-PAGE-')],
      ['signature', Buffer.from('SIGNATURE-STROKES-')],
    ] as const) {
      expect(bytes.includes(needle), `${what} in clear under the data directory`).toBe(false);
    }
  };

  it('stores an application, a rating, an appointment and a ticket with hashes, sealed boxes and file digests, and still finds them', async () => {
    const dir = temp();
    const platform = open(dir, true);
    const { platformNumber } = await platform.submitApplication(application());
    await platform.submitRating({
      idempotencyKey: randomUUID(),
      caseNumber: platformNumber,
      itemCode: '330100-HJ-00530-000',
      grade: 5,
      indicators: [],
      ratedAt: '2026-11-22T10:05:00+08:00',
      rater: applicant,
    });
    const [slot] = await platform.listSlots('330100-HJ-00501-000', undefined);
    const booked = await platform.bookAppointment({ applicant, slotId: slot!.id, itemCode: '330100-HJ-00501-000' });
    await platform.takeQueueNumber({ applicant, category: 'tax' });

    expect((await platform.listApplications(applicant)).map((entry) => entry.caseNumber)).toEqual([platformNumber]);
    expect((await platform.listApplications({ ...applicant, name: '欧阳别人' })).length).toBe(0);
    expect((await platform.listAppointments(applicant)).map((entry) => entry.id)).toEqual([booked.id]);
    await expect(platform.takeQueueNumber({ applicant, category: 'tax' })).rejects.toMatchObject({ code: 'queue-ticket-exists' });
    await platform.cancelAppointment(applicant, booked.id);
    platform.close();

    const db = new Database(join(dir, 'platform.db'), { readonly: true });
    const files = db
      .prepare('SELECT material_id AS id, pdf, sha256, size FROM application_files WHERE platform_number = ? ORDER BY material_id')
      .all(platformNumber);
    const rater = db.prepare('SELECT rater_id_number AS idNumber, rater_name AS name, rater_sealed AS sealed FROM ratings').get() as {
      idNumber: null;
      name: null;
      sealed: string;
    };
    db.close();
    expect(files).toEqual([
      { id: 'housing', pdf: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: scanned.length },
      { id: 'signature', pdf: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: signature.length },
    ]);
    // real-name rating: the rater is kept, but only sealed, for the platform to open when it must
    expect(rater).toMatchObject({ idNumber: null, name: null });
    expect(JSON.parse(kioskAtRest(key, randomBytes).openText(rater.sealed, `rater:${await ratingId(dir)}`))).toEqual(applicant);
    expectNothingClear(dir);
  });

  it('hashes, seals and drops what an older build left in clear, and the person still finds their case', async () => {
    const dir = temp();
    const before = open(dir, false);
    const { platformNumber } = await before.submitApplication(application());
    before.close();
    expect(bytesUnder(dir).includes(Buffer.from(applicant.idNumber))).toBe(true);

    const after = open(dir, true);
    expect((await after.listApplications(applicant)).map((entry) => entry.caseNumber)).toEqual([platformNumber]);
    after.close();
    expectNothingClear(dir);
  });
});

async function ratingId(dir: string): Promise<string> {
  const db = new Database(join(dir, 'platform.db'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM ratings').get() as { id: string }).id;
  } finally {
    db.close();
  }
}
