import { applicationStateSchema, type ApplicationView, type TimelineEntry } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import { formProblem, materialProblem } from '../../application-check.ts';
import { formatChinaDate, formatChinaIso } from '../../china-time.ts';
import { PlatformRejection, type Applicant, type SubmitApplication, type SubmitApplicationResult } from '../../contract.ts';
import { sha256Hex, type AtRest } from '../at-rest.ts';
import type { ItemLookup } from '../catalogue/catalogue.ts';
import type { Counters } from '../counters.ts';
import { requestDigest, type ReplayLog } from '../idempotency.ts';
import type { ApplicationRepository, ApplicationRow, Delivery } from './application-repository.ts';
import { progressSchedule } from './application-progress.ts';

/** 一网通办 applications delivered by the kiosks, and every case of a person with its timeline. */
export interface Applications {
  /** idempotent per kiosk and key; the same key with another body is refused (422) */
  submit(kioskId: string, application: SubmitApplication, now: Date): SubmitApplicationResult;
  ofApplicant(applicant: Applicant, now: Date): ApplicationView[];
  deliveries(kioskId: string): Delivery[];
  count(kioskId: string): number;
}

/** a PDF starts with its header, %PDF-1.x (ISO 32000 §7.5.2) */
function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

export function createApplications(
  db: SqliteDatabase,
  records: ApplicationRepository,
  items: ItemLookup,
  counters: Counters,
  replays: ReplayLog,
  atRest: AtRest,
): Applications {
  const insertFile = (platformNumber: string, materialId: string, fileName: string, bytes: Buffer) =>
    records.insertFile({
      platformNumber,
      materialId,
      fileName,
      bytes: atRest.fileBytes(bytes),
      sha256: sha256Hex(bytes),
      size: bytes.length,
    });

  function advance(row: ApplicationRow, now: Date): void {
    if (row.auto_progress !== 1) return;
    const item = items.requireItem(row.item_code);
    for (const [state, at] of progressSchedule(row.accepted_at, item.guide.promisedLimitDays)) {
      if (at <= now.getTime()) records.addEvent(row.platform_number, state, formatChinaIso(new Date(at)), row.office);
    }
  }

  function toView(row: ApplicationRow, now: Date): ApplicationView {
    advance(row, now);
    const item = items.requireItem(row.item_code);
    const timeline = records.eventsOf(row.platform_number).map((event): TimelineEntry => ({
      state: applicationStateSchema.parse(event.state),
      at: event.at,
      office: event.office,
      ...(event.note ? { note: event.note } : {}),
    }));
    return {
      caseNumber: row.platform_number,
      caseNumberKind: 'platform',
      localNumber: row.local_number,
      itemCode: row.item_code,
      itemName: item.name,
      state: timeline[timeline.length - 1]?.state ?? 'received',
      submittedAt: row.submitted_at,
      office: row.office,
      timeline,
      channel: row.channel,
    };
  }

  function newPlatformNumber(now: Date): string {
    const day = formatChinaDate(now).replaceAll('-', '');
    const value = counters.next(`application-${day}`);
    return `3301${day}${String(value).padStart(6, '0')}`;
  }

  const submit = db.transaction((kioskId: string, application: SubmitApplication, now: Date): SubmitApplicationResult => {
    const requestSha256 = requestDigest(application);
    const existing = records.byKey(kioskId, application.idempotencyKey);
    if (existing) {
      if (existing.request_sha256 !== requestSha256) {
        throw new PlatformRejection('idempotency-conflict', 'this Idempotency-Key was already used for a different application', 422);
      }
      replays.record(kioskId);
      const item = items.requireItem(existing.item_code);
      const view = toView(existing, now);
      return {
        platformNumber: existing.platform_number,
        itemName: item.name,
        state: view.state,
        acceptedAt: existing.accepted_at,
        office: existing.office,
      };
    }
    const item = items.requireItem(application.itemCode);
    if (!item.modes.includes('apply')) {
      throw new PlatformRejection('item-not-applicable', `${item.name} is not applied for at a kiosk; see its guide`, 409);
    }
    // the platform checks against its own guide: a kiosk's word that the form is complete is not enough
    const problem =
      formProblem(item.guide.formFields, application.form) ??
      materialProblem(
        item.guide.materials,
        application.materials.map((file) => file.materialId),
      );
    if (problem) throw new PlatformRejection('bad-request', problem, 400);
    for (const file of application.materials) {
      if (!isPdf(Buffer.from(file.pdfBase64, 'base64')))
        throw new PlatformRejection('bad-request', `materials.${file.materialId}: not a PDF`, 400);
    }
    const platformNumber = newPlatformNumber(now);
    const acceptedAt = formatChinaIso(now);
    records.insert({
      platformNumber,
      kioskId,
      idempotencyKey: application.idempotencyKey,
      requestSha256,
      localNumber: application.localNumber,
      itemCode: item.code,
      idNumber: atRest.idNumber(application.applicant.idNumber),
      name: atRest.name(application.applicant.name),
      form: atRest.sealText(JSON.stringify(application.form), `form:${platformNumber}`),
      delivery: application.delivery,
      office: item.guide.office,
      submittedAt: application.submittedAt,
      acceptedAt,
    });
    for (const file of application.materials) {
      insertFile(platformNumber, file.materialId, file.fileName, Buffer.from(file.pdfBase64, 'base64'));
    }
    // the handwritten signature is kept with the case's files (the column holds any file's bytes)
    if (application.signaturePngBase64) {
      insertFile(platformNumber, 'signature', 'signature.png', Buffer.from(application.signaturePngBase64, 'base64'));
    }
    records.addEvent(platformNumber, 'received', application.submittedAt, `自助终端 ${kioskId}`);
    records.addEvent(platformNumber, 'accepted', acceptedAt, item.guide.office);
    return { platformNumber, itemName: item.name, state: 'accepted', acceptedAt, office: item.guide.office };
  });

  return {
    submit,
    ofApplicant(applicant, now) {
      return records.ofPerson(atRest.idNumber(applicant.idNumber), atRest.name(applicant.name)).map((row) => toView(row, now));
    },
    deliveries: (kioskId) => records.deliveriesOf(kioskId),
    count: (kioskId) => records.countOf(kioskId),
  };
}
