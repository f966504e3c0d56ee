import type { PrinterCondition } from '../../api/index.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import { PrintFailedError, type A4Printer, type PrintDocument, type PrintProgress } from '../device.ts';
import { printerHoldReason, printerStatus } from '../printer-status.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { access } from 'node:fs/promises';
import { isSafeJobId, printOutPath, writePrintOut } from './print-out-file.ts';
import { documentProblem } from './validate-document.ts';

/**
 * The A4 laser printer as `npm start` and integration tests see it. Pages come out every `pageMs`
 * on the injected clock; the "paper" is the PDF written to `<printOutDir>/<jobId>.pdf` once the
 * last page is out.
 *
 * A job is an explicit little state machine:
 *   queued → printing ⇄ held → writing-output → done
 * Paper-out and jam abort the job (as CUPS does with printer-error-policy=abort-job, the kiosk's
 * set-up): the citizen is told plainly and may reprint once. `held` is entered for conditions that
 * pass by themselves or by a quick hand (cover-open, offline, unplugged) and left when they do, continuing with the page that was interrupted:
 * a page counts only once it is complete, so none is printed twice. Jobs print one at a time, in
 * the order they were sent, like a CUPS queue.
 */
export interface SimulatedA4Printer extends A4Printer {
  setCondition(condition: PrinterCondition): void;
  condition(): PrinterCondition;
  connect(): void;
  disconnect(): void;
}

interface Job {
  /** dropped as soon as the output is written: the PDF holds personal data */
  document: PrintDocument | null;
  readonly jobId: string;
  readonly pages: number;
  readonly onProgress: (progress: PrintProgress) => void;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  phase: 'printing' | 'held' | 'writing-output';
  pagesPrinted: number;
  heldReason: PrinterCondition | 'disconnected' | null;
  pageTimer: TimerHandle | null;
}

export function createSimulatedA4Printer(options: { clock: Clock; pageMs: number; printOutDir: string }): SimulatedA4Printer {
  const { clock, pageMs, printOutDir } = options;
  const tracker = createStatusTracker({ id: 'a4-printer', driver: 'simulated', clock, state: 'disconnected', reason: 'stopped' });

  let condition: PrinterCondition = 'ready';
  let connected = true;
  let running = false;
  let active: Job | null = null;
  const queue: Job[] = [];

  function updateStatus(): void {
    if (!running) return tracker.set('disconnected', 'stopped');
    const base = printerStatus(condition, connected);
    if (active !== null && base.state === 'ready') return tracker.set('busy', 'printing');
    tracker.set(base.state, base.reason);
  }

  function holdReason(): PrinterCondition | 'disconnected' | null {
    return printerHoldReason(condition, connected);
  }

  function startNextJob(): void {
    if (active !== null || !running) return;
    const job = queue.shift();
    if (job === undefined) return;
    active = job;
    updateStatus();
    job.onProgress({ kind: 'started' });
    continueJob(job);
  }

  /** Prints the next page if the printer can, otherwise holds. Called whenever something changed. */
  function continueJob(job: Job): void {
    if (job !== active || job.phase === 'writing-output') return;
    const reason = holdReason();
    if (reason === 'paper-out' || reason === 'jam') {
      // like a CUPS queue with printer-error-policy=abort-job: the job is aborted, not left to
      // print hours later; the sheets already out stay out, the rest never comes
      finishJob(
        job,
        new PrintFailedError(reason, `job ${job.jobId}: aborted by ${reason} after ${job.pagesPrinted} of ${job.pages} sheets`),
      );
      return;
    }
    if (reason !== null) {
      if (job.pageTimer !== null) clock.clearTimeout(job.pageTimer);
      job.pageTimer = null;
      const changed = job.phase !== 'held' || job.heldReason !== reason;
      job.phase = 'held';
      job.heldReason = reason;
      if (changed) job.onProgress({ kind: 'held', reason });
      return;
    }
    if (job.phase === 'held') {
      job.phase = 'printing';
      job.heldReason = null;
      schedulePage(job);
      job.onProgress({ kind: 'resumed' });
      return;
    }
    if (job.pageTimer === null) schedulePage(job);
  }

  function schedulePage(job: Job): void {
    job.pageTimer = clock.setTimeout(() => pageOut(job), pageMs);
  }

  function pageOut(job: Job): void {
    job.pageTimer = null;
    job.pagesPrinted += 1;
    if (job.pagesPrinted === job.pages) {
      job.phase = 'writing-output';
      void writeOutput(job);
    } else {
      schedulePage(job);
    }
    job.onProgress({ kind: 'page', pagesPrinted: job.pagesPrinted });
  }

  async function writeOutput(job: Job): Promise<void> {
    const document = job.document!;
    job.document = null;
    let failure: Error | null = null;
    try {
      for (let copy = document.copies ?? 1; copy >= 2; copy--) await writePrintOut(printOutDir, `${document.jobId}-${copy}`, document.pdf);
      // the job's own file last: its presence means the whole job is out (see follow)
      await writePrintOut(printOutDir, document.jobId, document.pdf);
    } catch (error) {
      failure = new PrintFailedError('output-failed', `job ${job.jobId}: could not write ${printOutDir}: ${String(error)}`);
    }
    finishJob(job, failure);
  }

  function finishJob(job: Job, failure: Error | null): void {
    if (job.pageTimer !== null) clock.clearTimeout(job.pageTimer);
    job.pageTimer = null;
    job.document = null;
    if (active === job) active = null;
    updateStatus();
    if (failure) job.reject(failure);
    else job.resolve();
    startNextJob();
  }

  function conditionsChanged(): void {
    updateStatus();
    if (active !== null) continueJob(active);
  }

  return {
    id: 'a4-printer',
    driver: 'simulated',
    status: () => tracker.current(),
    onStatus: (listener) => tracker.onStatus(listener),
    async start() {
      running = true;
      updateStatus();
    },
    async stop() {
      running = false;
      const stopped = (jobId: string) => new PrintFailedError('stopped', `job ${jobId}: the printer was stopped before the job printed`);
      // A job whose pages are all out is finished on paper; let its output be written.
      if (active !== null && active.phase !== 'writing-output') finishJob(active, stopped(active.jobId));
      for (const job of queue.splice(0)) job.reject(stopped(job.jobId));
      updateStatus();
    },
    print(document, onProgress) {
      const problem = documentProblem(document);
      if (problem) return Promise.reject(problem);
      if (!running) return Promise.reject(new PrintFailedError('stopped', 'the A4 printer has not been started'));
      return new Promise<void>((resolve, reject) => {
        queue.push({
          document,
          jobId: document.jobId,
          // copies come out one after another: pages × copies sheets
          pages: document.pages * (document.copies ?? 1),
          onProgress,
          resolve,
          reject,
          phase: 'printing',
          pagesPrinted: 0,
          heldReason: null,
          pageTimer: null,
        });
        startNextJob();
      });
    },
    /** The simulated paper is written whole once the last page is out, so the file tells the truth. */
    async follow(jobId) {
      if (!isSafeJobId(jobId)) return 'unknown';
      try {
        await access(printOutPath(printOutDir, jobId));
        return 'printed';
      } catch {
        return 'unknown';
      }
    },
    setCondition(next) {
      condition = next;
      conditionsChanged();
    },
    condition: () => condition,
    connect() {
      connected = true;
      conditionsChanged();
    },
    disconnect() {
      connected = false;
      conditionsChanged();
    },
  };
}
