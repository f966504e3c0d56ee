import type { PrinterCondition } from '../../api/index.ts';
import type { Clock, TimerHandle } from '../../time/clock.ts';
import { PrintFailedError, type A4Printer, type PrintDocument, type PrintProgress } from '../device.ts';
import { printerHoldReason, printerStatus } from '../printer-status.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { createIppClient, IppError, type IppClient, type JobAttributes } from './ipp/client.ts';
import { conditionFromReasons, isTerminal } from './ipp/job-state.ts';
import { documentProblem } from './validate-document.ts';

export interface CupsPrinterOptions {
  /** CUPS server, http://127.0.0.1:631 on a kiosk */
  server: string;
  queue: string;
  /** how often the printer (and a job in progress) is asked for its state */
  pollMs: number;
  clock: Clock;
  /** a replacement IPP client (tests); default: fetch to `server` */
  client?: IppClient;
}

/**
 * The A4 laser through CUPS over IPP (Print-Job, Get-Job-Attributes, Get-Printer-Attributes).
 * The job name is the kiosk's job id, never personal data, so a restarted bridge finds its jobs
 * with Get-Jobs. The queue is expected to have printer-error-policy=abort-job (technician set-up):
 * a printer that runs out of paper aborts the job instead of printing it hours later, and the
 * kiosk reports the job failed with the printer's reason (media-empty → paper-out).
 *
 * Printer status comes from printer-state / printer-state-reasons / printer-is-accepting-jobs,
 * polled every `pollMs`; CUPS unreachable → disconnected.
 */
export function createCupsA4Printer(options: CupsPrinterOptions): A4Printer & { condition(): PrinterCondition } {
  const { clock, pollMs } = options;
  const client = options.client ?? createIppClient({ server: options.server, queue: options.queue, timeoutMs: 5_000 });
  const tracker = createStatusTracker({ id: 'a4-printer', driver: 'cups', clock, state: 'disconnected', reason: 'stopped' });
  let running = false;
  let pollTimer: TimerHandle | null = null;
  let condition: PrinterCondition = 'offline';
  let reachable = false;
  let active = 0;
  /** the reasons as CUPS last said them, to tell toner-low from media-low */
  let lastReasons: string[] = [];
  /**
   * A queue that retries or stops instead of aborting would print a failed certificate hours
   * later, to whoever stands there: shown as degraded until the technician fixes the set-up.
   */
  let unsafePolicy = false;

  async function pollPrinter(): Promise<void> {
    try {
      const printer = await client.printerAttributes();
      reachable = true;
      lastReasons = printer.reasons;
      unsafePolicy = printer.errorPolicy !== null && printer.errorPolicy !== 'abort-job';
      // printer-state 5 = stopped (cupsdisable, or CUPS_BACKEND_STOP); not accepting = cupsreject
      condition = printer.state === 5 || !printer.acceptingJobs ? 'offline' : conditionFromReasons(printer.reasons);
    } catch {
      reachable = false;
      condition = 'offline';
    }
    updateStatus();
  }

  function updateStatus(): void {
    if (!running) return tracker.set('disconnected', 'stopped');
    if (!reachable) return tracker.set('disconnected', 'cups-unreachable');
    const base = printerStatus(condition, true);
    if (base.state === 'ready' && active > 0) return tracker.set('busy', 'printing');
    const toner = lastReasons.some((reason) => reason.startsWith('toner-low') || reason.startsWith('marker-supply-low'));
    if (base.state === 'ready' && unsafePolicy) return tracker.set('degraded', 'error-policy-not-abort-job');
    tracker.set(base.state, condition === 'paper-low' && toner ? 'toner-low' : base.reason);
  }

  function schedulePoll(): void {
    if (!running) return;
    pollTimer = clock.setTimeout(() => {
      pollTimer = null;
      void pollPrinter().finally(schedulePoll);
    }, pollMs);
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  /** Why an aborted job failed, from what the printer says now (the backend set the reason). */
  function failureReason(job: JobAttributes): string {
    const fromJob = conditionFromReasons(job.reasons);
    if (fromJob !== 'ready' && fromJob !== 'paper-low') return fromJob;
    if (condition !== 'ready' && condition !== 'paper-low') return condition;
    return 'aborted';
  }

  /** Polls one CUPS job until it ends; reports started/held/resumed; resolves on completed. */
  async function followJob(printerJobId: number, onProgress: (progress: PrintProgress) => void): Promise<void> {
    let started = false;
    let held: string | null = null;
    for (;;) {
      if (!running) throw new PrintFailedError('stopped', `CUPS job ${printerJobId}: the bridge stopped while following it`);
      let job: JobAttributes | null;
      try {
        job = await client.job(printerJobId);
      } catch (error) {
        // CUPS itself unreachable: the job is still there; keep asking, as held
        if (held !== 'disconnected') onProgress({ kind: 'held', reason: 'disconnected' });
        held = 'disconnected';
        await sleep(pollMs);
        if (!(error instanceof IppError) || error.statusCode === -1) continue;
        throw error;
      }
      if (job === null) throw new PrintFailedError('lost', `CUPS no longer knows job ${printerJobId}`);
      if (job.state === 'completed') return;
      if (job.state === 'aborted') {
        await pollPrinter();
        throw new PrintFailedError(failureReason(job), `CUPS aborted job ${printerJobId} (${job.reasons.join(', ')})`);
      }
      if (job.state === 'canceled') throw new PrintFailedError('cancelled', `CUPS job ${printerJobId} was cancelled`);
      if (job.state === 'processing' && !started) {
        started = true;
        onProgress({ kind: 'started' });
      }
      const holdReason = job.state === 'processing-stopped' || job.state === 'pending-held' ? printerHoldReason(condition, true) ?? 'offline' : null;
      if (holdReason !== held) {
        if (holdReason !== null) onProgress({ kind: 'held', reason: holdReason });
        else if (held !== null) onProgress({ kind: 'resumed' });
        held = holdReason;
      }
      await sleep(pollMs);
    }
  }

  return {
    id: 'a4-printer',
    driver: 'cups',
    // the technician sees what CUPS said, word for word, beside the kiosk's own reading of it
    status: () => (reachable ? { ...tracker.current(), detail: `printer-state-reasons: ${lastReasons.join(', ') || 'none'}` } : tracker.current()),
    onStatus: (listener) => tracker.onStatus(listener),
    condition: () => condition,
    async start() {
      running = true;
      await pollPrinter();
      schedulePoll();
    },
    async stop() {
      running = false;
      if (pollTimer !== null) clock.clearTimeout(pollTimer);
      pollTimer = null;
      updateStatus();
    },
    async print(document: PrintDocument, onProgress) {
      const problem = documentProblem(document);
      if (problem) throw problem;
      if (!running) throw new PrintFailedError('stopped', 'the A4 printer has not been started');
      active++;
      updateStatus();
      try {
        let printerJobId: number;
        try {
          printerJobId = await client.printJob(document.jobId, document.pdf, document.copies ?? 1);
        } catch (error) {
          // refused (queue stopped or not accepting) or CUPS unreachable: nothing was printed
          await pollPrinter();
          throw new PrintFailedError(condition === 'ready' ? 'printer-error' : condition, `CUPS did not take the job: ${(error as Error).message}`);
        }
        onProgress({ kind: 'submitted', printerJobId: String(printerJobId) });
        await followJob(printerJobId, onProgress);
      } finally {
        active--;
        updateStatus();
      }
    },
    async follow(jobId, printerJobId, onProgress) {
      let id = printerJobId === null ? null : Number(printerJobId);
      if (id === null) {
        // the bridge died between sending Print-Job and storing the answer: look the job up by name
        const known = (await client.jobs()).filter((job) => job.name === jobId);
        if (known.length === 0) return 'unknown';
        id = known[0]!.id;
        onProgress({ kind: 'submitted', printerJobId: String(id) });
      }
      const job = await client.job(id);
      if (job === null) throw new PrintFailedError('lost', `CUPS no longer knows job ${id}; it may or may not have printed`);
      if (isTerminal(job.state) && job.state === 'completed') return 'printed';
      await followJob(id, onProgress);
      return 'printed';
    },
  };
}
