import type { PrinterCondition } from '../../api/index.ts';
import { sleep, type Clock } from '../../time/clock.ts';
import { PrintFailedError, type PrintProgress } from '../device.ts';
import { printerHoldReason } from '../printer-status.ts';
import { IppError, type IppClient, type JobAttributes } from './ipp/client.ts';
import { conditionFromReasons } from './ipp/job-state.ts';

/**
 * Conditions that stop a printer in the middle of a job until a person acts. With a real ipp:// or
 * usb:// backend CUPS does NOT abort the job for them: the backend reports media-empty-error and
 * waits, the job stays `processing` for up to MaxJobTime (OpenPrinting/cups#1298), and the
 * certificate would print whenever paper comes back, to whoever stands there then.
 */
const stoppingFaults: ReadonlySet<PrinterCondition> = new Set(['paper-out', 'jam', 'cover-open']);

type HoldReason = Extract<PrintProgress, { kind: 'held' }>['reason'];

export interface CupsJobWatch {
  client: Pick<IppClient, 'job' | 'cancel'>;
  clock: Clock;
  pollMs: number;
  /** paper-out / jam / door open for longer than this during our job: cancel it, fail it */
  faultGraceMs: number;
  /** any other wait (queue stopped, printer offline, CUPS unreachable) longer than this: cancel, fail */
  maxHeldMs: number;
  running(): boolean;
  /** the printer's condition from its printer-state-reasons, as last polled */
  condition(): PrinterCondition;
  /** asks CUPS for the printer's state now (its reasons say why a job was aborted) */
  refreshPrinter(): Promise<void>;
  /** a Cancel-Job that could not reach CUPS: send it as soon as CUPS answers again */
  cancelLater(printerJobId: number): void;
}

/** No answer at all (timeout, connection refused, HTTP error): unlike an IPP status, it says nothing about the job. */
export function isTransportError(error: unknown): boolean {
  return !(error instanceof IppError) || error.statusCode === -1;
}

/** Why CUPS aborted a job, from the job's reasons or else the printer's (the backend set them). */
function abortReason(job: JobAttributes, printer: PrinterCondition): string {
  const fromJob = conditionFromReasons(job.reasons);
  if (fromJob !== 'ready' && fromJob !== 'paper-low') return fromJob;
  if (printer !== 'ready' && printer !== 'paper-low') return printer;
  return 'aborted';
}

function stoppingFault(job: JobAttributes, printer: PrinterCondition): PrinterCondition | null {
  const fromJob = conditionFromReasons(job.reasons);
  if (stoppingFaults.has(fromJob)) return fromJob;
  return stoppingFaults.has(printer) ? printer : null;
}

/**
 * Polls one CUPS job until it ends. Reports started, page (from job-impressions-completed, when the
 * printer counts them), held and resumed; resolves when CUPS says completed. Rejects with
 * PrintFailedError when CUPS aborted or someone cancelled it, and — the kiosk's own rule, because
 * CUPS would wait — when the printer stops mid-job for paper, a jam or an open door for longer than
 * `faultGraceMs`, or the job waits for any other reason longer than `maxHeldMs`: then it sends
 * Cancel-Job first, so nothing comes out later.
 *
 * `sheets`: pages × copies of the document, to keep a printer's count within it (null: unknown).
 */
export async function followCupsJob(
  watch: CupsJobWatch,
  printerJobId: number,
  sheets: number | null,
  onProgress: (progress: PrintProgress) => void,
): Promise<void> {
  const { clock, pollMs } = watch;
  const now = () => clock.now().getTime();
  let started = false;
  let held: HoldReason | null = null;
  let heldSince = 0;
  let faultSince: number | null = null;
  let sheetsReported = 0;

  function hold(reason: HoldReason | null): void {
    if (reason === held) return;
    if (reason !== null) onProgress({ kind: 'held', reason });
    else onProgress({ kind: 'resumed' });
    if (held === null) heldSince = now();
    held = reason;
  }

  /** Cancels our job in CUPS and fails it; resolves instead when CUPS says it completed meanwhile. */
  async function giveUp(reason: string, why: string): Promise<void> {
    try {
      await watch.client.cancel(printerJobId);
    } catch (error) {
      if (isTransportError(error)) {
        watch.cancelLater(printerJobId);
      } else {
        // refused: the job ended between our last look and the cancel
        const job = await watch.client.job(printerJobId).catch(() => null);
        if (job?.state === 'completed') return;
      }
    }
    throw new PrintFailedError(reason, `CUPS job ${printerJobId}: ${why}; the kiosk cancelled it`);
  }

  for (;;) {
    if (!watch.running()) throw new PrintFailedError('stopped', `CUPS job ${printerJobId}: the bridge stopped while following it`);
    let job: JobAttributes | null;
    try {
      job = await watch.client.job(printerJobId);
    } catch (error) {
      if (!isTransportError(error)) throw error;
      // CUPS itself unreachable: the job is still there; keep asking, as held, within the limit
      hold('disconnected');
      if (now() - heldSince >= watch.maxHeldMs) {
        await giveUp('disconnected', `CUPS did not answer for ${watch.maxHeldMs} ms`);
        return;
      }
      await sleep(clock, pollMs);
      continue;
    }
    if (job === null) throw new PrintFailedError('lost', `CUPS no longer knows job ${printerJobId}`);
    if (job.state === 'completed') return;
    if (job.state === 'aborted') {
      await watch.refreshPrinter();
      throw new PrintFailedError(abortReason(job, watch.condition()), `CUPS aborted job ${printerJobId} (${job.reasons.join(', ')})`);
    }
    if (job.state === 'canceled') throw new PrintFailedError('cancelled', `CUPS job ${printerJobId} was cancelled`);
    if (job.state === 'processing' && !started) {
      started = true;
      onProgress({ kind: 'started' });
    }
    const sheetsOut = sheets === null ? job.impressionsCompleted : Math.min(job.impressionsCompleted, sheets);
    if (sheetsOut > sheetsReported) {
      sheetsReported = sheetsOut;
      onProgress({ kind: 'page', pagesPrinted: sheetsOut });
    }

    const printing = job.state === 'processing' || job.state === 'processing-stopped';
    const fault = printing ? stoppingFault(job, watch.condition()) : null;
    const stopped = job.state === 'processing-stopped' || job.state === 'pending-held';
    const reason: HoldReason | null = fault ?? printerHoldReason(watch.condition(), true) ?? (stopped ? 'offline' : null);
    hold(reason);
    faultSince = fault === null ? null : (faultSince ?? now());
    if (fault !== null && now() - faultSince! >= watch.faultGraceMs) {
      await giveUp(fault, `${fault} for more than ${watch.faultGraceMs} ms`);
      return;
    }
    if (reason !== null && now() - heldSince >= watch.maxHeldMs) {
      await giveUp(reason, `waiting (${reason}) for more than ${watch.maxHeldMs} ms`);
      return;
    }
    await sleep(clock, pollMs);
  }
}
