import type { PrinterCondition } from '../../api/index.ts';
import { sleep, type Clock, type TimerHandle } from '../../time/clock.ts';
import { PrintFailedError, type A4Printer, type PrintDocument, type PrintProgress } from '../device.ts';
import { printerStatus } from '../printer-status.ts';
import { createStatusTracker } from '../status-tracker.ts';
import { followCupsJob, isTransportError, type CupsJobWatch } from './follow-cups-job.ts';
import { createIppClient, type IppClient } from './ipp/client.ts';
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
  /** paper-out, a jam or an open door for longer than this in the middle of a job: the kiosk cancels and fails it */
  faultGraceMs?: number;
  /** a job waiting longer than this for any other reason (queue stopped, offline, CUPS down): cancelled and failed */
  maxHeldMs?: number;
}

export const cupsTimingDefaults = { faultGraceMs: 20_000, maxHeldMs: 120_000 } as const;

/**
 * The A4 laser through CUPS over IPP (Print-Job, Get-Job-Attributes, Get-Jobs, Cancel-Job,
 * Get-Printer-Attributes). The job name is the kiosk's job id, never personal data, so a restarted
 * bridge finds its jobs with Get-Jobs. The queue is expected to have printer-error-policy=abort-job
 * (technician set-up), but that only covers a backend that gives up: the real ipp:// and usb://
 * backends wait on paper-out with the job `processing`. So the kiosk itself cancels a job stopped by
 * paper-out, a jam or an open door after `faultGraceMs`, and any other wait after `maxHeldMs`
 * (follow-cups-job.ts), and reports it failed with the printer's reason (media-empty → paper-out).
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
  /** Cancel-Job requests the kiosk owes CUPS (by CUPS id, or by job name when the id never came back) */
  const pendingCancels: Array<{ id: number; name?: undefined } | { id?: undefined; name: string }> = [];

  async function pollPrinter(): Promise<void> {
    try {
      const printer = await client.printerAttributes();
      reachable = true;
      lastReasons = printer.reasons;
      unsafePolicy = printer.errorPolicy !== null && printer.errorPolicy !== 'abort-job';
      // printer-state 5 = stopped (cupsdisable, or CUPS_BACKEND_STOP); not accepting = cupsreject
      condition = printer.state === 5 || !printer.acceptingJobs ? 'offline' : conditionFromReasons(printer.reasons);
      if (pendingCancels.length > 0) await sendPendingCancels();
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

  const watch: CupsJobWatch = {
    client,
    clock,
    pollMs,
    faultGraceMs: options.faultGraceMs ?? cupsTimingDefaults.faultGraceMs,
    maxHeldMs: options.maxHeldMs ?? cupsTimingDefaults.maxHeldMs,
    running: () => running,
    condition: () => condition,
    refreshPrinter: pollPrinter,
    cancelLater: (id) => pendingCancels.push({ id }),
  };

  /** Cancels that could not reach CUPS (it was down when the kiosk gave a job up): sent once it answers. */
  async function sendPendingCancels(): Promise<void> {
    for (const pending of pendingCancels.splice(0)) {
      try {
        const id = pending.id ?? (await client.jobs()).find((job) => job.name === pending.name && !isTerminal(job.state))?.id;
        if (id !== undefined) await client.cancel(id);
      } catch (error) {
        // still unreachable: try again at the next poll; an IPP refusal means the job has ended
        if (isTransportError(error)) pendingCancels.push(pending);
      }
    }
  }

  /**
   * Print-Job got no answer (a timeout, a dropped connection): CUPS may have taken the job all the
   * same. Looks it up by its name before anyone is told it failed, so the one reprint the citizen
   * may ask for cannot make a second copy. Waits (held, disconnected) while CUPS does not answer.
   */
  async function findSentJob(jobName: string, onProgress: (progress: PrintProgress) => void): Promise<number | null> {
    const since = clock.now().getTime();
    let reportedHeld = false;
    for (;;) {
      await sleep(clock, pollMs);
      try {
        const known = (await client.jobs()).filter((job) => job.name === jobName);
        if (reportedHeld) onProgress({ kind: 'resumed' });
        return known.length === 0 ? null : Math.max(...known.map((job) => job.id));
      } catch (error) {
        if (!isTransportError(error) || !running || clock.now().getTime() - since >= watch.maxHeldMs) {
          // it may still arrive: cancel it by name once CUPS answers, so it never prints for nobody
          pendingCancels.push({ name: jobName });
          throw new PrintFailedError('disconnected', `CUPS did not answer whether it took the job: ${(error as Error).message}`);
        }
        if (!reportedHeld) onProgress({ kind: 'held', reason: 'disconnected' });
        reportedHeld = true;
      }
    }
  }

  return {
    id: 'a4-printer',
    driver: 'cups',
    // the technician sees what CUPS said, word for word, beside the kiosk's own reading of it
    status: () =>
      reachable ? { ...tracker.current(), detail: `printer-state-reasons: ${lastReasons.join(', ') || 'none'}` } : tracker.current(),
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
        const copies = document.copies ?? 1;
        let printerJobId: number | null;
        try {
          printerJobId = await client.printJob(document.jobId, document.pdf, copies);
        } catch (error) {
          // an IPP status is CUPS refusing (queue stopped, not accepting): nothing was printed;
          // no answer at all says nothing, so ask CUPS whether the job is there
          printerJobId = isTransportError(error) ? await findSentJob(document.jobId, onProgress) : null;
          if (printerJobId === null) {
            await pollPrinter();
            throw new PrintFailedError(
              condition === 'ready' ? 'printer-error' : condition,
              `CUPS did not take the job: ${(error as Error).message}`,
            );
          }
        }
        onProgress({ kind: 'submitted', printerJobId: String(printerJobId) });
        await followCupsJob(watch, printerJobId, document.pages * copies, onProgress);
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
      await followCupsJob(watch, id, null, onProgress);
      return 'printed';
    },
  };
}
