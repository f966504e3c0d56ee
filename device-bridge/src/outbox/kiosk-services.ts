import { createHmac } from 'node:crypto';
import {
  type ApplicationReceipt,
  type ApplicationSubmitParsed,
  type ApplicationView,
  type CardIdentity,
  type CatalogueQuery,
  type RatingParsed,
  type ServiceItem,
  type ServiceItemSummary,
  type VerifiedResponse,
} from '../api/index.ts';
import { HttpError } from '../http/http-error.ts';
import {
  PlatformUnavailable,
  type Applicant,
  type SubmitApplication,
  type SubmitApplicationResult,
  type SubmitRating,
} from '../platform/contract.ts';
import type { Platform } from '../platform/platform.ts';
import { platformHttpError } from '../platform/platform-http-error.ts';
import { matchesCatalogueQuery } from '../platform/catalogue-search.ts';
import { formProblem } from '../platform/application-check.ts';
import type { SqliteDatabase } from '../store/database.ts';
import type { Clock, TimerHandle } from '../time/clock.ts';
import { formatChinaDate, formatChinaIso } from '../platform/china-time.ts';
import { createOutbox, DeliveryDeferred, type OutboxEvent } from './outbox.ts';
import { parseSignaturePng } from '../signature/signature-png.ts';
import type { ApplicationReceiptPrint } from '../documents/receipts/receipts.ts';

/** What the materials helper (document camera, session memory) gives the application route. */
export interface SessionMaterials {
  assemblePdf(captureId: string): Promise<{ materialId: string; pages: number; pdf: Buffer } | null>;
  release(captureId: string): void;
}

export interface KioskServicesOptions {
  db: SqliteDatabase;
  platform: Platform;
  kioskId: string;
  /** per-device key (secrets/outbox.key) */
  key: Buffer;
  clock: Clock;
  randomBytes: (n: number) => Buffer;
  /** how long a submission waits for the platform before the citizen is told it will be sent later */
  submitWaitMs?: number;
  outbox?: { baseBackoffMs?: number; maxBackoffMs?: number; pollMs?: number; leaseMs?: number; concurrency?: number };
  onOutboxEvent?: (event: OutboxEvent) => void;
  /** how often the catalogue cache is refreshed while it is warm (default 6 h) */
  catalogueRefreshMs?: number;
  /** how soon a catalogue refresh that failed (platform away) is tried again (default 60 s) */
  catalogueRetryMs?: number;
}

interface KioskApplicationRow {
  local_number: string;
  idempotency_key: string;
  /** keyed hash of the ID number, to list the application at the kiosk; NULL once the platform has it */
  applicant_hash: string | null;
  /** keyed hash of idempotency key + applicant: recognises the same citizen's repeated POST */
  request_owner: string;
  item_code: string;
  item_name: string;
  office: string;
  submitted_at: string;
  platform_number: string | null;
  failure: string | null;
  settled_at: number | null;
}

/** a refused application stays listed at the kiosk (as 未通过, with the reason) this long */
const refusedListedDays = 30;

/**
 * The kiosk side of the platform services: applications and ratings go through the outbox (stored
 * before the reply, delivered exactly once), the catalogue is cached so guides still show while the
 * platform is unreachable, and live calls report an unreachable platform as 503 with the reason.
 */
export function createKioskServices(options: KioskServicesOptions) {
  const { db, platform, kioskId, clock } = options;
  const submitWaitMs = options.submitWaitMs ?? 3_000;

  const applicantHash = (idNumber: string) => createHmac('sha256', options.key).update(`applicant:${idNumber}`).digest('hex');
  // bound to one idempotency key, so it links nothing across visits
  const requestOwner = (idempotencyKey: string, hash: string) =>
    createHmac('sha256', options.key).update(`owner:${idempotencyKey}:${hash}`).digest('hex');

  const outbox = createOutbox({
    db,
    key: options.key,
    clock,
    randomBytes: options.randomBytes,
    ...options.outbox,
    onEvent: (event) => {
      options.onOutboxEvent?.(event);
      // a delivery got through: the line is up, so a cold catalogue cache need not wait for its timer
      if (event.type === 'delivered' && !catalogue.warm) refreshCatalogueSoon();
    },
    handlers: {
      application: {
        send: (payload) => platform.submitApplication(payload as SubmitApplication),
        acknowledged: (idempotencyKey, result) => {
          setPlatformNumber.run((result as SubmitApplicationResult).platformNumber, clock.now().getTime(), idempotencyKey);
        },
        refused: (idempotencyKey, reason) => setFailure.run(reason, clock.now().getTime(), idempotencyKey),
      },
      rating: {
        send: (payload) => platform.submitRating(withPlatformCaseNumber(payload as SubmitRating)),
        acknowledged: () => undefined,
        refused: () => undefined,
      },
    },
  });

  // the platform has the case now and lists it itself: the kiosk forgets whose it was
  const setPlatformNumber = db.prepare(
    'UPDATE kiosk_applications SET platform_number = ?, applicant_hash = NULL, settled_at = ? WHERE idempotency_key = ?',
  );
  const setFailure = db.prepare('UPDATE kiosk_applications SET failure = ?, settled_at = ? WHERE idempotency_key = ?');
  const forgetRefused = db.prepare(
    'UPDATE kiosk_applications SET applicant_hash = NULL WHERE applicant_hash IS NOT NULL AND failure IS NOT NULL AND settled_at < ?',
  );
  const forgetOldApplicants = () => forgetRefused.run(clock.now().getTime() - refusedListedDays * 24 * 3_600_000);
  keepApplicantsOnlyWhileNeeded();
  const byKey = db.prepare('SELECT * FROM kiosk_applications WHERE idempotency_key = ?');
  const byLocalNumber = db.prepare('SELECT * FROM kiosk_applications WHERE local_number = ?');

  /**
   * 好差评 links to the 办件编号: a rating given while the application still had only its local
   * number waits for the application's delivery and then carries the platform's number.
   */
  function withPlatformCaseNumber(rating: SubmitRating): SubmitRating {
    const application = byLocalNumber.get(rating.caseNumber) as KioskApplicationRow | undefined;
    if (!application || application.failure) return rating;
    if (!application.platform_number)
      throw new DeliveryDeferred(`rating waits for application ${application.local_number} to be delivered`);
    return { ...rating, caseNumber: application.platform_number };
  }
  const byApplicant = db.prepare('SELECT * FROM kiosk_applications WHERE applicant_hash = ? ORDER BY submitted_at DESC');
  const insertApplication = db.prepare(
    `INSERT INTO kiosk_applications (local_number, idempotency_key, applicant_hash, request_owner, item_code, item_name, office, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const nextCounter = db.prepare(
    'INSERT INTO kiosk_counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  );
  const cacheItem = db.prepare(
    'INSERT INTO catalogue_cache (code, item, fetched_at) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET item = excluded.item, fetched_at = excluded.fetched_at',
  );
  const cachedItem = db.prepare('SELECT item FROM catalogue_cache WHERE code = ?');
  const cachedItems = db.prepare('SELECT item FROM catalogue_cache ORDER BY code');
  const cachedCodes = db.prepare('SELECT code FROM catalogue_cache');
  const dropCached = db.prepare('DELETE FROM catalogue_cache WHERE code = ?');

  /** runs a live platform call; an unreachable platform becomes 503 platform-unavailable, a refusal its 4xx */
  async function live<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      noteReachable();
      return result;
    } catch (error) {
      if (error instanceof PlatformUnavailable) outbox.noteUpstream(false, error.message);
      throw platformHttpError(error);
    }
  }

  /** a live call got through: if the line was down, the outbox need not wait out its backoff, nor the cache its timer */
  function noteReachable(): void {
    const wasDown = outbox.upstream().reachable === false;
    outbox.noteUpstream(true, null);
    if (wasDown) {
      outbox.retryNow();
      refreshCatalogueSoon();
    }
  }

  /**
   * The catalogue cache (guides readable offline) is filled at start, again when the line comes
   * back, and on a timer: every catalogueRefreshMs while warm, every catalogueRetryMs while the last
   * attempt failed. A bridge that starts during an outage therefore fills it as soon as it can.
   */
  const catalogueRefreshMs = options.catalogueRefreshMs ?? 6 * 3_600_000;
  const catalogueRetryMs = options.catalogueRetryMs ?? 60_000;
  const catalogue: { warm: boolean; running: boolean; refreshing: Promise<void> | null; timer: TimerHandle | null } = {
    warm: false,
    running: false,
    refreshing: null,
    timer: null,
  };

  async function warmCatalogue(): Promise<number> {
    try {
      const items = await platform.listServiceItems({});
      const guides: ServiceItem[] = [];
      for (const summary of items) {
        const item = await platform.getServiceItem(summary.code);
        if (item) guides.push(item);
      }
      db.transaction(() => {
        const now = clock.now().getTime();
        for (const item of guides) cacheItem.run(item.code, JSON.stringify(item), now);
        // an item the platform no longer offers is not shown offline either
        const kept = new Set(guides.map((item) => item.code));
        for (const { code } of cachedCodes.all() as { code: string }[]) if (!kept.has(code)) dropCached.run(code);
      })();
      outbox.noteUpstream(true, null);
      return guides.length;
    } catch (error) {
      if (error instanceof PlatformUnavailable) outbox.noteUpstream(false, error.message);
      throw error;
    }
  }

  function scheduleCatalogueRefresh(ms: number): void {
    if (!catalogue.running) return;
    if (catalogue.timer) clock.clearTimeout(catalogue.timer);
    catalogue.timer = clock.setTimeout(() => {
      catalogue.timer = null;
      refreshCatalogueSoon();
    }, ms);
  }

  /** one refresh at a time; the next is scheduled by how this one went */
  function refreshCatalogueSoon(): Promise<void> {
    if (catalogue.refreshing) return catalogue.refreshing;
    catalogue.refreshing = warmCatalogue()
      .then(
        () => {
          catalogue.warm = true;
        },
        () => {
          catalogue.warm = false;
        },
      )
      .finally(() => {
        catalogue.refreshing = null;
        scheduleCatalogueRefresh(catalogue.warm ? catalogueRefreshMs : catalogueRetryMs);
      });
    return catalogue.refreshing;
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

  function newLocalNumber(now: Date): string {
    const day = formatChinaDate(now).replaceAll('-', '');
    const { value } = nextCounter.get(`local-${day}`) as { value: number };
    return `${kioskId}-${day}-${String(value).padStart(4, '0')}`;
  }

  async function getItem(code: string): Promise<ServiceItem> {
    try {
      const item = await platform.getServiceItem(code);
      noteReachable();
      if (!item) throw new HttpError(404, 'item-not-found', `There is no service item ${code}. / 没有该办事事项。`);
      cacheItem.run(item.code, JSON.stringify(item), clock.now().getTime());
      return item;
    } catch (error) {
      if (!(error instanceof PlatformUnavailable)) throw platformHttpError(error);
      outbox.noteUpstream(false, error.message);
      const cached = cachedItem.get(code) as { item: string } | undefined;
      if (!cached) throw platformHttpError(error);
      return JSON.parse(cached.item) as ServiceItem;
    }
  }

  /**
   * The record and its outbox row in one transaction. The key is looked up again inside it: two
   * identical POSTs at once both pass the first check (there are awaits in between), and the second
   * must get the first one's receipt, not a UNIQUE-constraint error.
   */
  const storeApplication = db.transaction(
    (
      fields: Pick<KioskApplicationRow, 'idempotency_key' | 'applicant_hash' | 'request_owner' | 'item_code' | 'item_name' | 'office'>,
      payloadOf: (localNumber: string, submittedAt: string) => SubmitApplication,
    ): { row: KioskApplicationRow; created: boolean } => {
      const existing = byKey.get(fields.idempotency_key) as KioskApplicationRow | undefined;
      if (existing) return { row: existing, created: false };
      const now = clock.now();
      const localNumber = newLocalNumber(now);
      const submittedAt = formatChinaIso(now);
      outbox.add('application', fields.idempotency_key, payloadOf(localNumber, submittedAt));
      insertApplication.run(
        localNumber,
        fields.idempotency_key,
        fields.applicant_hash,
        fields.request_owner,
        fields.item_code,
        fields.item_name,
        fields.office,
        submittedAt,
      );
      return { row: byKey.get(fields.idempotency_key) as KioskApplicationRow, created: true };
    },
  );

  /**
   * Rows from before migration 2 get their owner check (from the applicant hash they still hold),
   * then delivered ones forget the applicant, refused ones after refusedListedDays.
   */
  function keepApplicantsOnlyWhileNeeded(): void {
    db.transaction(() => {
      const unowned = db
        .prepare(
          'SELECT idempotency_key, applicant_hash FROM kiosk_applications WHERE request_owner IS NULL AND applicant_hash IS NOT NULL',
        )
        .all() as { idempotency_key: string; applicant_hash: string }[];
      const own = db.prepare('UPDATE kiosk_applications SET request_owner = ? WHERE idempotency_key = ?');
      for (const row of unowned) own.run(requestOwner(row.idempotency_key, row.applicant_hash), row.idempotency_key);
      db.prepare(
        'UPDATE kiosk_applications SET settled_at = ? WHERE settled_at IS NULL AND (platform_number IS NOT NULL OR failure IS NOT NULL)',
      ).run(clock.now().getTime());
      db.prepare(
        'UPDATE kiosk_applications SET applicant_hash = NULL WHERE platform_number IS NOT NULL AND applicant_hash IS NOT NULL',
      ).run();
      forgetOldApplicants();
    })();
  }

  const services = {
    outbox,
    live,
    getItem,

    async listCatalogue(query: CatalogueQuery): Promise<{ items: ServiceItemSummary[]; cached: boolean }> {
      try {
        const items = await platform.listServiceItems(query);
        noteReachable();
        return { items, cached: false };
      } catch (error) {
        if (!(error instanceof PlatformUnavailable)) throw platformHttpError(error);
        outbox.noteUpstream(false, error.message);
        const items = (cachedItems.all() as { item: string }[])
          .map((row) => JSON.parse(row.item) as ServiceItem)
          .filter((item) => !query.category || item.category === query.category)
          .filter((item) => matchesCatalogueQuery(item, query.q ?? ''))
          .map(({ guide: _guide, ...summary }) => summary);
        if (items.length === 0) throw platformHttpError(error);
        return { items, cached: true };
      }
    },

    /** fills the catalogue cache now (what the timer and the line-back event do); rejects when the platform is away */
    warmCatalogue,

    /** starts the outbox relay and keeps the catalogue cache warm (first fill at once) */
    start(): void {
      outbox.start();
      catalogue.running = true;
      void refreshCatalogueSoon();
    },
    async stop(): Promise<void> {
      catalogue.running = false;
      if (catalogue.timer) clock.clearTimeout(catalogue.timer);
      catalogue.timer = null;
      await Promise.all([outbox.stop(), catalogue.refreshing]);
    },

    /**
     * Stores the application with its outbox row (one transaction) before anything else, then gives
     * the relay a few seconds to get the platform's number. Materials are copied (sealed) into the
     * outbox row and released from session memory. An application is made in the citizen's name,
     * so it needs the person at the kiosk confirmed at 实人 level (face, e-ID or staff) in this
     * session — `verification` — and the platform is told how (identityVerification).
     */
    async submitApplication(
      identity: CardIdentity,
      request: ApplicationSubmitParsed,
      materials: SessionMaterials | null,
      printReceipt: ((receipt: ApplicationReceiptPrint) => Promise<boolean>) | null,
      verification: VerifiedResponse | null,
    ): Promise<{ receipt: ApplicationReceipt; created: boolean }> {
      const hash = applicantHash(identity.idNumber);
      const owner = requestOwner(request.idempotencyKey, hash);
      const repeated = (previous: KioskApplicationRow) => {
        if (previous.request_owner !== owner)
          throw new HttpError(409, 'bad-request', 'This idempotency key belongs to another application. / 请重新提交。');
        return { receipt: receiptOf(previous, false, false), created: false };
      };
      const previous = byKey.get(request.idempotencyKey) as KioskApplicationRow | undefined;
      if (previous) return repeated(previous);
      if (!verification) {
        throw new HttpError(
          409,
          'identity-not-verified',
          'An application needs the person at the kiosk confirmed first: face check, mobile e-ID or staff. / 申请前需先核验本人身份（人脸、网证或工作人员确认）。',
        );
      }
      const item = await getItem(request.itemCode);
      if (!item.modes.includes('apply')) {
        throw new HttpError(
          409,
          'item-not-applicable',
          `${item.name} cannot be applied for at this kiosk; see its guide. / 该事项不能在自助机申请，请查看办事指南。`,
        );
      }
      // the platform checks the same (application-check.ts): refused here, the citizen can still fix it
      const problem = formProblem(item.guide.formFields, request.form);
      if (problem) throw new HttpError(400, 'bad-request', problem);
      const files: SubmitApplication['materials'] = [];
      for (const wanted of item.guide.materials.filter((material) => material.kioskCapturable && material.required)) {
        const given = request.materials.find((entry) => entry.materialId === wanted.id);
        const pdf = given && materials ? await materials.assemblePdf(given.captureId) : null;
        if (!pdf || pdf.materialId !== wanted.id) {
          throw new HttpError(
            422,
            'material-missing',
            `${wanted.name} is needed: photograph it on the document camera. / 请用高拍仪拍摄：${wanted.name}`,
          );
        }
        files.push({ materialId: wanted.id, fileName: `${wanted.id}.pdf`, pdfBase64: pdf.pdf.toString('base64') });
      }
      for (const extra of request.materials.filter((entry) => !files.some((file) => file.materialId === entry.materialId))) {
        const pdf = materials ? await materials.assemblePdf(extra.captureId) : null;
        if (pdf && item.guide.materials.some((material) => material.id === pdf.materialId)) {
          files.push({ materialId: pdf.materialId, fileName: `${pdf.materialId}.pdf`, pdfBase64: pdf.pdf.toString('base64') });
        }
      }
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
      // the sealed copy in the outbox is the one that counts now: drop the session's pages
      if (materials) for (const entry of request.materials) materials.release(entry.captureId);
      const outcome = await outbox.deliverSoon(request.idempotencyKey, submitWaitMs);
      const current = byKey.get(request.idempotencyKey) as KioskApplicationRow;
      const queuedOffline = outcome === 'pending' && outbox.upstream().reachable === false;
      let receiptPrinted = false;
      if (printReceipt) {
        const view = receiptOf(current, queuedOffline, false);
        receiptPrinted = await printReceipt({
          kind: 'application',
          caseNumber: view.caseNumber,
          caseNumberKind: view.caseNumberKind,
          localNumber: view.localNumber,
          itemName: view.itemName,
          office: current.office,
          submittedAt: view.submittedAt,
          queuedOffline,
        }).catch(() => false);
      }
      return { receipt: receiptOf(current, queuedOffline, receiptPrinted), created: true };
    },

    /** the platform's list plus this kiosk's applications still waiting to be delivered */
    async listApplications(identity: CardIdentity): Promise<{ applications: ApplicationView[]; live: boolean; reason?: string }> {
      forgetOldApplicants();
      const local = (byApplicant.all(applicantHash(identity.idNumber)) as KioskApplicationRow[]).filter((row) => !row.platform_number);
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
      try {
        const remote = await platform.listApplications({ idNumber: identity.idNumber, name: identity.name });
        noteReachable();
        return { applications: [...waiting, ...remote], live: true };
      } catch (error) {
        if (!(error instanceof PlatformUnavailable)) throw platformHttpError(error);
        outbox.noteUpstream(false, error.message);
        return { applications: waiting, live: false, reason: error.message };
      }
    },

    /**
     * 好差评: the kiosk's own rating row (written by `insertLocal`) and its outbox row in one
     * transaction. Real-name but confidential: the identity travels sealed, to the platform only.
     */
    storeRating(id: string, identity: CardIdentity | null, rating: RatingParsed, insertLocal: () => void): void {
      db.transaction(() => {
        insertLocal();
        queueRating(id, identity, rating);
      })();
    },
  };

  return services;

  function queueRating(id: string, identity: CardIdentity | null, rating: RatingParsed): void {
    const payload: SubmitRating = {
      idempotencyKey: id,
      caseNumber: rating.caseId,
      itemCode: rating.serviceCode,
      grade: rating.grade,
      indicators: rating.indicators,
      ...(rating.comment ? { comment: rating.comment } : {}),
      ratedAt: formatChinaIso(clock.now()),
      rater: identity ? { idNumber: identity.idNumber, name: identity.name } : null,
    };
    outbox.add('rating', id, payload);
  }
}

export type KioskServices = ReturnType<typeof createKioskServices>;
