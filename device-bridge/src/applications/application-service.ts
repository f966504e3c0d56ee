import type {
  ApplicationListResponse,
  ApplicationReceipt,
  ApplicationSubmitParsed,
  ApplicationView,
  CardIdentity,
  VerifiedResponse,
} from '../api/index.ts';
import type { CatalogueReader } from '../catalogue/catalogue-cache.ts';
import type { ApplicationReceiptPrint } from '../documents/receipts/receipts.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { formProblem } from '../platform/application-check.ts';
import { formatChinaDate, formatChinaIso } from '../platform/china-time.ts';
import type { Applicant, SubmitApplication } from '../platform/contract.ts';
import type { ServicePlatform } from '../platform/service-platform.ts';
import type { PlatformLink } from '../platform-link/platform-link.ts';
import { parseSignaturePng } from '../signature/signature-png.ts';
import type { SqliteDatabase } from '../store/database.ts';
import type { Clock } from '../time/clock.ts';
import type { ApplicantHashes } from './applicant-hashes.ts';
import type { applicantRetention } from './applicant-retention.ts';
import type { ApplicationStore, KioskApplicationRow } from './application-store.ts';

/** What the document camera's pages of this session give an application: each material as one PDF. */
export interface SessionMaterials {
  assemblePdf(captureId: string): Promise<{ materialId: string; pages: number; pdf: Buffer } | null>;
  /** the sealed copy in the outbox is the one that counts now: the session's pages can go */
  release(captureId: string): void;
}

export interface ApplicationServiceDeps {
  db: SqliteDatabase;
  store: ApplicationStore;
  hashes: ApplicantHashes;
  retention: ReturnType<typeof applicantRetention>;
  outbox: Pick<Outbox, 'add' | 'deliverSoon'>;
  link: Pick<PlatformLink, 'liveOr' | 'state'>;
  catalogue: Pick<CatalogueReader, 'item'>;
  platform: Pick<ServicePlatform, 'listApplications'>;
  materials: SessionMaterials | null;
  /** prints the application receipt slip; says whether it came out (a printer problem loses nothing) */
  printReceipt: ((receipt: ApplicationReceiptPrint) => Promise<boolean>) | null;
  clock: Clock;
  kioskId: string;
  /** how long a submission waits for the platform before the citizen is told it will be sent later */
  submitWaitMs?: number;
}

export interface ApplicationService {
  /**
   * Stores the application with its outbox row (one transaction) before anything else, then gives
   * the relay a few seconds to get the platform's number. `created` is false for a repeated POST
   * (same idempotency key, same citizen): it gets the first receipt.
   */
  submit(
    identity: CardIdentity,
    request: ApplicationSubmitParsed,
    verification: VerifiedResponse | null,
  ): Promise<{ receipt: ApplicationReceipt; created: boolean }>;
  /** the platform's list plus this kiosk's applications still waiting to be delivered */
  list(identity: CardIdentity): Promise<ApplicationListResponse>;
}

function receiptOf(row: KioskApplicationRow, queuedOffline: boolean, receiptPrinted: boolean): ApplicationReceipt {
  return {
    localNumber: row.local_number,
    platformNumber: row.platform_number,
    itemCode: row.item_code,
    itemName: row.item_name,
    delivery: row.platform_number ? 'delivered' : row.failure ? 'failed' : 'waiting',
    caseNumber: row.platform_number ?? row.local_number,
    caseNumberKind: row.platform_number ? 'platform' : 'local',
    submittedAt: row.submitted_at,
    queuedOffline,
    receiptPrinted,
  };
}

/**
 * 申请办理 at the kiosk. An application is made in the citizen's name, so it needs the person at the
 * kiosk confirmed at 实人 level (face, e-ID or staff) in this session, and the platform is told how
 * (identityVerification). Materials are copied (sealed) into the outbox row and released from
 * session memory. Delivered exactly once through the outbox, now or when the line is back.
 */
export function createApplicationService(deps: ApplicationServiceDeps): ApplicationService {
  const { db, store, hashes, outbox, clock, kioskId } = deps;
  const submitWaitMs = deps.submitWaitMs ?? 3_000;
  deps.retention.tidyAtStart();

  function newLocalNumber(now: Date): string {
    const day = formatChinaDate(now).replaceAll('-', '');
    return `${kioskId}-${day}-${String(store.nextNumber(`local-${day}`)).padStart(4, '0')}`;
  }

  /**
   * The record and its outbox row in one transaction. The key is looked up again inside it: two
   * identical POSTs at once both pass the first check (there are awaits in between), and the second
   * must get the first one's receipt, not a UNIQUE-constraint error.
   */
  const storeApplication = db.transaction(
    (
      fields: Omit<KioskApplicationRow, 'local_number' | 'submitted_at' | 'platform_number' | 'failure' | 'settled_at'>,
      payloadOf: (localNumber: string, submittedAt: string) => SubmitApplication,
    ): { row: KioskApplicationRow; created: boolean } => {
      const existing = store.byKey(fields.idempotency_key);
      if (existing) return { row: existing, created: false };
      const now = clock.now();
      const localNumber = newLocalNumber(now);
      const submittedAt = formatChinaIso(now);
      outbox.add('application', fields.idempotency_key, payloadOf(localNumber, submittedAt));
      store.insert({ ...fields, local_number: localNumber, submitted_at: submittedAt });
      return { row: store.byKey(fields.idempotency_key)!, created: true };
    },
  );

  /** every required capturable material as one PDF each, plus any other material the guide knows */
  async function materialFiles(
    wantedMaterials: { id: string; name: string; kioskCapturable: boolean; required: boolean }[],
    given: ApplicationSubmitParsed['materials'],
  ): Promise<SubmitApplication['materials']> {
    const { materials } = deps;
    const files: SubmitApplication['materials'] = [];
    for (const wanted of wantedMaterials.filter((material) => material.kioskCapturable && material.required)) {
      const entry = given.find((candidate) => candidate.materialId === wanted.id);
      const pdf = entry && materials ? await materials.assemblePdf(entry.captureId) : null;
      if (!pdf || pdf.materialId !== wanted.id) throw new DomainError('material-missing', wanted.id);
      files.push({ materialId: wanted.id, fileName: `${wanted.id}.pdf`, pdfBase64: pdf.pdf.toString('base64') });
    }
    for (const extra of given.filter((entry) => !files.some((file) => file.materialId === entry.materialId))) {
      const pdf = materials ? await materials.assemblePdf(extra.captureId) : null;
      if (pdf && wantedMaterials.some((material) => material.id === pdf.materialId)) {
        files.push({ materialId: pdf.materialId, fileName: `${pdf.materialId}.pdf`, pdfBase64: pdf.pdf.toString('base64') });
      }
    }
    return files;
  }

  async function printReceiptOf(row: KioskApplicationRow, queuedOffline: boolean): Promise<boolean> {
    if (!deps.printReceipt) return false;
    const view = receiptOf(row, queuedOffline, false);
    return deps
      .printReceipt({
        kind: 'application',
        caseNumber: view.caseNumber,
        caseNumberKind: view.caseNumberKind,
        localNumber: view.localNumber,
        itemName: view.itemName,
        office: row.office,
        submittedAt: view.submittedAt,
        queuedOffline,
      })
      .catch(() => false);
  }

  return {
    async submit(identity, request, verification) {
      const hash = hashes.applicant(identity.idNumber);
      const owner = hashes.requestOwner(request.idempotencyKey, hash);
      const repeated = (previous: KioskApplicationRow) => {
        if (previous.request_owner !== owner) throw new DomainError('idempotency-key-reused');
        return { receipt: receiptOf(previous, false, false), created: false };
      };
      const previous = store.byKey(request.idempotencyKey);
      if (previous) return repeated(previous);
      if (!verification) throw new DomainError('identity-not-verified');
      const item = await deps.catalogue.item(request.itemCode);
      if (!item.modes.includes('apply')) throw new DomainError('item-not-applicable', item.code);
      // the platform checks the same (application-check.ts): refused here, the citizen can still fix it
      const problem = formProblem(item.guide.formFields, request.form);
      if (problem) throw new DomainError('bad-request', problem);
      const files = await materialFiles(item.guide.materials, request.materials);
      // checked before anything is stored: a bad picture is the citizen's to redo, not the outbox's
      const signature = request.signature === undefined ? null : parseSignaturePng(request.signature);
      const applicant: Applicant = { idNumber: identity.idNumber, name: identity.name };
      const stored = storeApplication(
        {
          idempotency_key: request.idempotencyKey,
          applicant_hash: hash,
          request_owner: owner,
          item_code: item.code,
          item_name: item.name,
          office: item.guide.office,
        },
        (localNumber, submittedAt) => ({
          idempotencyKey: request.idempotencyKey,
          localNumber,
          itemCode: item.code,
          applicant,
          form: request.form,
          materials: files,
          delivery: request.delivery,
          submittedAt,
          identityVerification: { method: verification.method, at: verification.at },
          ...(signature ? { signaturePngBase64: signature.png.toString('base64') } : {}),
        }),
      );
      // the same POST arrived twice at once and the other one stored it: its receipt
      if (!stored.created) return repeated(stored.row);
      if (deps.materials) for (const entry of request.materials) deps.materials.release(entry.captureId);
      const outcome = await outbox.deliverSoon(request.idempotencyKey, submitWaitMs);
      const current = store.byKey(request.idempotencyKey)!;
      const queuedOffline = outcome === 'pending' && deps.link.state().reachable === false;
      const receiptPrinted = await printReceiptOf(current, queuedOffline);
      return { receipt: receiptOf(current, queuedOffline, receiptPrinted), created: true };
    },

    async list(identity) {
      deps.retention.forgetOldApplicants();
      const local = store.byApplicant(hashes.applicant(identity.idNumber)).filter((row) => !row.platform_number);
      const waiting: ApplicationView[] = local.map((row) => ({
        caseNumber: row.local_number,
        caseNumberKind: 'local',
        localNumber: row.local_number,
        itemCode: row.item_code,
        itemName: row.item_name,
        state: row.failure ? 'rejected' : 'received',
        submittedAt: row.submitted_at,
        office: row.office,
        timeline: [
          {
            state: row.failure ? 'rejected' : 'received',
            at: row.submitted_at,
            office: `自助终端 ${kioskId}`,
            ...(row.failure ? { note: row.failure } : {}),
          },
        ],
        channel: 'kiosk',
      }));
      return deps.link.liveOr<ApplicationListResponse>(
        async () => ({
          applications: [...waiting, ...(await deps.platform.listApplications({ idNumber: identity.idNumber, name: identity.name }))],
          live: true,
        }),
        (reason) => ({ applications: waiting, live: false, reason }),
      );
    },
  };
}
