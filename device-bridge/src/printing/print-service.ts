import type { CertificateType, DeviceState, PrintJobView } from '../api/index.ts';
import type { A4Printer, PrintProgress } from '../devices/device.ts';
import { PrintFailedError } from '../devices/device.ts';
import type { CertificateData, IssuedCertificate, Platform } from '../platform/platform.ts';
import type { EventBus } from '../events/event-bus.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EventLogger } from '../log/logger.ts';
import { maskIdNumber, maskName } from '../privacy/mask.ts';
import type { Session } from '../session/session-holder.ts';
import { publicView, type PrintJobChange, type PrintJobStore, type StoredPrintJob } from '../store/print-jobs.ts';
import type { Clock } from '../time/clock.ts';
import type { Spool } from './spool.ts';

export interface RenderedDocument {
  pdf: Buffer;
  pages: number;
  verificationCode: string;
  issuedAt: string;
  validUntil: string;
  contentSha256: string;
}

export interface PrintServiceDeps {
  store: PrintJobStore;
  printer: A4Printer;
  spool: Spool;
  platform: Platform;
  render: (data: CertificateData, number: string) => Promise<RenderedDocument>;
  newCertificateNumber: (type: CertificateType) => string;
  newJobId: () => string;
  bus: EventBus;
  logger: EventLogger;
  clock: Clock;
  /**
   * After a restart, a job the printer never received is sent only if it was asked for at most this
   * long ago; an older one is failed ('interrupted') for the technician: the citizen who asked for
   * it has most likely left, and the paper must not come out for whoever stands there now.
   */
  resumeWithinMs: number;
  /** the session now at the kiosk (a failed job's document is kept only for its own session) */
  activeSessionId: () => string | null;
}

const printableStates: readonly DeviceState[] = ['ready', 'busy', 'degraded'];

const printerUnavailable = () => new DomainError('printer-unavailable');

/**
 * Certificates from request to paper, as a durable job queue:
 *   queued → submitted → printing ⇄ held → completed | failed(reason) | cancelled
 * A job is stored (row in SQLite, document in the encrypted spool) before the caller hears
 * "accepted"; jobs go to the printer one at a time. On restart every unfinished job is reconciled
 * with the printer (A4Printer.follow): a job the printer finished is marked completed, one it is
 * still printing is followed, one it never received is sent now if it is recent (resumeWithinMs)
 * and failed as 'interrupted' otherwise, one it aborted is failed — never sent blindly twice,
 * never dropped (architecture rule 5). Paper running out during a job fails the job (the printer aborts
 * it, or the driver cancels it) and keeps printing disabled until the printer reports paper again.
 * A job cancelled at the printer ends `cancelled`: someone meant it, so it is not offered again.
 */
export function createPrintService(deps: PrintServiceDeps) {
  const { store, printer, spool, bus, logger, clock } = deps;
  let queue: Promise<void> = Promise.resolve();
  /** set when a job failed for want of paper; cleared when the printer is seen printable again */
  let paperOutLatch = false;

  printer.onStatus((status) => {
    if (paperOutLatch && (status.state === 'ready' || status.state === 'degraded')) {
      paperOutLatch = false;
      logger.log('printing-enabled', { printer: status.state });
    }
  });

  function change(job: StoredPrintJob, next: Omit<PrintJobChange, 'updatedAt'>): StoredPrintJob {
    const updated = store.update(job.id, { ...next, updatedAt: clock.now().toISOString() });
    logger.log('print-job-state', {
      job: updated.id,
      state: updated.state,
      pagesPrinted: updated.pagesPrinted,
      reason: updated.reason,
    });
    bus.publish({ type: 'job', job: publicView(updated) });
    return updated;
  }

  function fail(job: StoredPrintJob, reason: string, message: string): void {
    const latest = store.get(job.id) ?? job;
    if (reason === 'cancelled') {
      // cancelled at the printer (a person did it): final, no reprint, the document goes now
      change(latest, { state: 'cancelled', pagesPrinted: latest.pagesPrinted, reason });
      logger.log('print-job-failed', { job: job.id, reason, message });
      spool.remove(job.id);
      return;
    }
    change(latest, { state: 'failed', pagesPrinted: latest.pagesPrinted, reason });
    logger.log('print-job-failed', { job: job.id, reason, message });
    // the document is kept only for a reprint by the citizen still at the kiosk
    if (latest.sessionId === null || latest.sessionId !== deps.activeSessionId()) spool.remove(job.id);
    if (reason === 'paper-out' && !paperOutLatch) {
      paperOutLatch = true;
      logger.log('printing-disabled', { reason });
    }
  }

  function progressHandler(start: StoredPrintJob): (progress: PrintProgress) => void {
    let current = start;
    return (progress) => {
      switch (progress.kind) {
        case 'submitted':
          current = change(current, { state: 'submitted', printerJobId: progress.printerJobId });
          break;
        case 'started':
        case 'resumed':
          current = change(current, { state: 'printing' });
          break;
        case 'page':
          current = change(current, { state: 'printing', pagesPrinted: progress.pagesPrinted });
          break;
        case 'held':
          current = change(current, { state: 'held', reason: progress.reason });
          break;
      }
    };
  }

  function completed(job: StoredPrintJob): void {
    const latest = store.get(job.id) ?? job;
    change(latest, { state: 'completed', pagesPrinted: latest.pages * (latest.copies ?? 1) });
    spool.remove(job.id);
  }

  async function print(job: StoredPrintJob): Promise<void> {
    const pdf = spool.read(job.id);
    if (!pdf) {
      fail(job, 'document-missing', 'the spooled document is gone or damaged');
      return;
    }
    try {
      await printer.print({ jobId: job.id, pdf, pages: job.pages, copies: job.copies ?? 1 }, progressHandler(job));
      completed(job);
    } catch (error) {
      // The bridge is shutting down: leave the job as it stands; the next start reconciles it.
      if (error instanceof PrintFailedError && error.reason === 'stopped') return;
      fail(job, error instanceof PrintFailedError ? error.reason : 'printer-error', (error as Error).message);
    }
  }

  /** After a restart: ask the printer what became of the job before doing anything. */
  async function reconcile(job: StoredPrintJob): Promise<void> {
    try {
      const outcome = await printer.follow(job.id, job.printerJobId, progressHandler(job));
      if (outcome === 'printed') {
        logger.log('print-job-state', { job: job.id, state: 'reconciled', reason: 'printed-before-restart' });
        completed(job);
        return;
      }
    } catch (error) {
      if (error instanceof PrintFailedError && error.reason === 'stopped') return;
      fail(job, error instanceof PrintFailedError ? error.reason : 'printer-error', (error as Error).message);
      return;
    }
    // the printer never received it: sending it now cannot duplicate anything — but only while the
    // citizen who asked for it can still be there to take it
    const latest = store.get(job.id) ?? job;
    const ageMs = clock.now().getTime() - Date.parse(latest.createdAt);
    if (ageMs > deps.resumeWithinMs) {
      fail(latest, 'interrupted', `not printed before the restart, asked for ${Math.round(ageMs / 1000)} s ago: not sent now`);
      return;
    }
    await print(latest);
  }

  function enqueue(work: () => Promise<void>): void {
    queue = queue.then(work, work);
  }

  /**
   * A failed job's document is kept only for the reprint its own session may ask for: it holds
   * personal data (the full name), so it goes when that session ends, when another session prints,
   * or at a restart. Documents of jobs still to print stay; anything else in the spool goes too.
   */
  function sweepFinishedDocuments(keepForSessionId: string | null): void {
    for (const id of spool.jobIds()) {
      const job = store.get(id);
      const waiting =
        job !== null &&
        (store.isUnfinished(job) || (job.state === 'failed' && keepForSessionId !== null && job.sessionId === keepForSessionId));
      if (!waiting) spool.remove(id);
    }
  }

  function printingBlocked(): boolean {
    return paperOutLatch || !printableStates.includes(printer.status().state);
  }

  return {
    /** Renders, stores and queues a certificate for the session's citizen. */
    async submit(session: Session, type: CertificateType, copies = 1): Promise<PrintJobView> {
      if (printingBlocked()) throw printerUnavailable();
      sweepFinishedDocuments(session.id);
      const data = await deps.platform.getCertificateData(type, session.identity);
      if (!data) {
        throw new DomainError('record-not-found');
      }
      const number = deps.newCertificateNumber(type);
      const renderStarted = performance.now();
      const rendered = await deps.render(data, number);
      logger.log('certificate-rendered', {
        certificateType: type,
        pages: rendered.pages,
        bytes: rendered.pdf.length,
        ms: Math.round(performance.now() - renderStarted),
      });
      const issued: IssuedCertificate = {
        number,
        type,
        verificationCode: rendered.verificationCode,
        contentSha256: rendered.contentSha256,
        issuedAt: rendered.issuedAt,
        validUntil: rendered.validUntil,
        maskedHolderName: maskName(data.holderName),
        maskedIdNumber: maskIdNumber(data.idNumber),
      };
      // recorded before the job exists: if the platform refuses, nothing is left behind that would
      // print at the next start for nobody
      await deps.platform.recordIssuedCertificate(issued);
      const id = deps.newJobId();
      spool.write(id, rendered.pdf);
      const job = store.insert({
        id,
        certificateType: type,
        certificateNumber: number,
        pages: rendered.pages,
        copies,
        sessionId: session.id,
        createdAt: clock.now().toISOString(),
      });
      logger.log('print-job-stored', { job: id, certificateType: type, pages: rendered.pages });
      bus.publish({ type: 'job', job: publicView(job) });
      enqueue(() => print(job));
      return publicView(job);
    },

    /**
     * Prints a failed job's document again, once, in the session that asked for it: the same
     * certificate (number, code) as the paper that did not come out.
     */
    reprint(session: Session, jobId: string): PrintJobView {
      const original = store.get(jobId);
      if (!original || original.sessionId !== session.id) {
        throw new DomainError('not-found', 'no print job with this id in this session');
      }
      if (original.state !== 'failed') {
        throw new DomainError('not-failed');
      }
      if (original.reprintOf !== undefined || store.reprintOf(jobId)) {
        throw new DomainError('reprint-used');
      }
      if (printingBlocked()) throw printerUnavailable();
      const pdf = spool.read(jobId);
      if (!pdf) throw new DomainError('document-gone');
      const id = deps.newJobId();
      spool.write(id, pdf);
      const job = store.insert({
        id,
        certificateType: original.certificateType,
        certificateNumber: original.certificateNumber,
        pages: original.pages,
        copies: original.copies ?? 1,
        sessionId: session.id,
        reprintOf: jobId,
        createdAt: clock.now().toISOString(),
      });
      spool.remove(jobId);
      logger.log('print-job-stored', { job: id, certificateType: job.certificateType, pages: job.pages });
      bus.publish({ type: 'job', job: publicView(job) });
      enqueue(() => print(job));
      return publicView(job);
    },

    get(id: string): PrintJobView | null {
      const job = store.get(id);
      return job ? publicView(job) : null;
    },

    /** Failed/cancelled jobs nobody acknowledged: what the technician sees when the citizen has left. */
    needingAttention(): PrintJobView[] {
      return store.needingAttention().map(publicView);
    },
    acknowledge(id: string): boolean {
      return store.acknowledge(id, clock.now().toISOString());
    },
    /** the one reprint made of this failed job, if the citizen asked for it (technician's list) */
    reprintOf(id: string): PrintJobView | null {
      const job = store.reprintOf(id);
      return job ? publicView(job) : null;
    },

    /** false while paper is out (or the printer otherwise cannot print) */
    printingEnabled(): boolean {
      return !printingBlocked();
    },

    /** The citizen's session ended: failed jobs' documents (their names) go with it. */
    sessionEnded(): void {
      sweepFinishedDocuments(null);
    },

    /** After a restart: every unfinished job is reconciled with the printer, in order. */
    resumeUnfinished(): void {
      sweepFinishedDocuments(null);
      for (const job of store.unfinished()) enqueue(() => reconcile(job));
    },
    /** true while a job of this service is not finished (the session must not time out then) */
    busy(): boolean {
      return store.unfinished().length > 0;
    },
    /** resolves when every queued job has finished */
    drain(): Promise<void> {
      return queue;
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
