import type { CertificateType, DeviceState, PrintJobView } from '../api/index.ts';
import type { A4Printer, PrintProgress } from '../devices/device.ts';
import { PrintFailedError } from '../devices/device.ts';
import type { CertificateData, IssuedCertificate, Platform } from '../platform/platform.ts';
import type { EventBus } from '../events/event-bus.ts';
import { HttpError } from '../http/http-error.ts';
import type { EventLogger } from '../log/logger.ts';
import { maskIdNumber, maskName } from '../privacy/mask.ts';
import type { Session } from '../session/session-holder.ts';
import type { PrintJobChange, PrintJobStore } from '../store/print-jobs.ts';
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
  newCertificateNumber: () => string;
  newJobId: () => string;
  bus: EventBus;
  logger: EventLogger;
  clock: Clock;
}

const printableStates: readonly DeviceState[] = ['ready', 'busy', 'degraded'];

/**
 * Certificates from request to paper. A job is stored (row in SQLite, document in the encrypted
 * spool) before the caller hears "accepted"; jobs print one at a time; a job waiting for paper
 * resumes by itself; on restart, waiting jobs resume and a job cut off mid-print is marked failed
 * rather than printed twice (DESIGN rule 5: never lost silently, never duplicated).
 */
export function createPrintService(deps: PrintServiceDeps) {
  const { store, printer, spool, bus, logger, clock } = deps;
  let queue: Promise<void> = Promise.resolve();

  function change(job: PrintJobView, next: Omit<PrintJobChange, 'updatedAt'>): PrintJobView {
    const updated = store.update(job.id, { ...next, updatedAt: clock.now().toISOString() });
    logger.log('print-job-state', {
      job: updated.id,
      state: updated.state,
      pagesPrinted: updated.pagesPrinted,
      reason: updated.reason,
    });
    bus.publish({ type: 'job', job: updated });
    return updated;
  }

  async function print(job: PrintJobView): Promise<void> {
    const pdf = spool.read(job.id);
    if (!pdf) {
      change(job, { state: 'failed', reason: 'document-missing' });
      logger.log('print-job-failed', { job: job.id, reason: 'document-missing' });
      return;
    }
    let current = job;
    let pagesPrinted = job.pagesPrinted;
    const onProgress = (progress: PrintProgress) => {
      switch (progress.kind) {
        case 'started':
        case 'resumed':
          current = change(current, { state: 'printing', pagesPrinted });
          break;
        case 'page':
          pagesPrinted = progress.pagesPrinted;
          current = change(current, { state: 'printing', pagesPrinted });
          break;
        case 'held':
          current = change(current, { state: 'held', pagesPrinted, reason: progress.reason });
          break;
      }
    };
    try {
      await printer.print({ jobId: job.id, pdf, pages: job.pages }, onProgress);
      change(current, { state: 'completed', pagesPrinted: job.pages });
      spool.remove(job.id);
    } catch (error) {
      // The bridge is shutting down: leave the job as it stands so the next start resumes a waiting
      // job and fails (never repeats) one that was mid-print.
      if (error instanceof PrintFailedError && error.reason === 'stopped') return;
      const reason = error instanceof PrintFailedError ? error.reason : 'printer-error';
      change(current, { state: 'failed', pagesPrinted, reason });
      logger.log('print-job-failed', { job: job.id, reason, message: (error as Error).message });
    }
  }

  function enqueue(job: PrintJobView): void {
    queue = queue.then(() => print(job));
  }

  return {
    /** Renders, stores and queues a certificate for the session's citizen. */
    async submit(session: Session, type: CertificateType): Promise<PrintJobView> {
      if (!printableStates.includes(printer.status().state)) {
        throw new HttpError(
          409,
          'printer-unavailable',
          'The certificate printer is not available right now; please ask staff. / 打印机暂不可用，请联系工作人员。',
        );
      }
      const data = await deps.platform.getCertificateData(type, session.identity);
      if (!data) {
        throw new HttpError(404, 'record-not-found', 'No record of this person for this certificate. / 未查询到您的相关记录。');
      }
      const number = deps.newCertificateNumber();
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
      const id = deps.newJobId();
      spool.write(id, rendered.pdf);
      const job = store.insert({
        id,
        certificateType: type,
        certificateNumber: number,
        pages: rendered.pages,
        createdAt: clock.now().toISOString(),
      });
      await deps.platform.recordIssuedCertificate(issued);
      logger.log('print-job-stored', { job: id, certificateType: type, pages: rendered.pages });
      bus.publish({ type: 'job', job });
      enqueue(job);
      return job;
    },
    get(id: string): PrintJobView | null {
      return store.get(id);
    },
    /** After a restart: waiting jobs print; a job that was mid-print is failed, never printed twice. */
    resumeUnfinished(): void {
      for (const job of store.unfinished()) {
        if (job.state === 'printing') {
          change(job, { state: 'failed', pagesPrinted: job.pagesPrinted, reason: 'interrupted' });
          logger.log('print-job-failed', { job: job.id, reason: 'interrupted' });
          spool.remove(job.id);
        } else {
          enqueue(job);
        }
      }
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
