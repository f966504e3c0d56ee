import type { PrinterCondition } from '../../api/index.ts';
import type { Clock } from '../../time/clock.ts';
import { PrintFailedError, type A4Printer, type PrintDocument, type PrintProgress } from '../device.ts';
import { createMemoryDeviceBase, type MemoryDeviceBase } from '../memory-device.ts';

/**
 * An in-memory A4 printer for unit tests of code that prints (the print-job service, routes).
 * Synchronous and timer-free. By default a job prints completely the moment it is sent. A test
 * that wants to see a job in flight calls `holdJobs()` first: jobs then stay open after `started`
 * until the test moves them on with `printPage`, `hold`, `resume`, `finish` or `fail` (always on
 * the oldest open job, the one a real printer would be working on).
 */
export interface MemoryA4Printer extends A4Printer, MemoryDeviceBase<'a4-printer'> {
  /** documents whose last page came out, in order (a test fake may keep them; real drivers must not) */
  readonly printed: readonly PrintDocument[];
  /** ids of jobs sent but not finished, oldest first */
  openJobIds(): string[];
  /** from now on, jobs stay open until the test moves them on */
  holdJobs(): void;
  /** from now on, jobs print at once (and any open job is finished) */
  printImmediately(): void;
  /** the oldest open job prints one more page */
  printPage(): void;
  /** the oldest open job waits for the printer */
  hold(reason: PrinterCondition | 'disconnected'): void;
  resume(): void;
  /** prints the remaining pages of the oldest open job and resolves it */
  finish(): void;
  /** rejects the oldest open job with PrintFailedError(reason) */
  fail(reason: string, message?: string): void;
}

interface OpenJob {
  document: PrintDocument;
  onProgress: (progress: PrintProgress) => void;
  pagesPrinted: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export function createMemoryA4Printer(options: { clock?: Pick<Clock, 'now'> } = {}): MemoryA4Printer {
  const base = createMemoryDeviceBase('a4-printer', options);
  const printed: PrintDocument[] = [];
  const open: OpenJob[] = [];
  let immediate = true;

  function oldest(): OpenJob {
    const job = open[0];
    if (job === undefined) throw new Error('memory A4 printer: no open print job');
    return job;
  }

  function printPage(job: OpenJob): void {
    if (job.pagesPrinted >= job.document.pages) throw new Error(`memory A4 printer: job ${job.document.jobId} has no pages left`);
    job.pagesPrinted += 1;
    job.onProgress({ kind: 'page', pagesPrinted: job.pagesPrinted });
  }

  function finish(job: OpenJob): void {
    while (job.pagesPrinted < job.document.pages) printPage(job);
    open.splice(open.indexOf(job), 1);
    printed.push(job.document);
    job.resolve();
  }

  return Object.assign(base, {
    id: 'a4-printer' as const,
    printed,
    print(document: PrintDocument, onProgress: (progress: PrintProgress) => void) {
      return new Promise<void>((resolve, reject) => {
        const job: OpenJob = { document, onProgress, pagesPrinted: 0, resolve, reject };
        open.push(job);
        onProgress({ kind: 'started' });
        if (immediate) finish(job);
      });
    },
    async follow(jobId: string) {
      return printed.some((document) => document.jobId === jobId) ? ('printed' as const) : ('unknown' as const);
    },
    openJobIds: () => open.map((job) => job.document.jobId),
    holdJobs() {
      immediate = false;
    },
    printImmediately() {
      immediate = true;
      while (open.length > 0) finish(oldest());
    },
    printPage: () => printPage(oldest()),
    hold: (reason: PrinterCondition | 'disconnected') => oldest().onProgress({ kind: 'held', reason }),
    resume: () => oldest().onProgress({ kind: 'resumed' }),
    finish: () => finish(oldest()),
    fail(reason: string, message = `print failed: ${reason}`) {
      const job = oldest();
      open.shift();
      job.reject(new PrintFailedError(reason, message));
    },
  });
}
