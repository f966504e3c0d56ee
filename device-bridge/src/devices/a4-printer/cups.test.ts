import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { PrintFailedError, type PrintProgress } from '../device.ts';
import { createCupsA4Printer } from './cups.ts';
import { IppError, type IppClient, type JobAttributes, type PrinterAttributes } from './ipp/client.ts';
import type { IppJobState } from './ipp/job-state.ts';

// The CUPS driver against a scripted IPP client and a manual clock: what it does when CUPS gives
// no answer, and when a printer stops in the middle of a job and CUPS (as with a real ipp:// or
// usb:// backend) keeps the job `processing` instead of aborting it. The same behaviour against a
// real cupsd is in tests/integration/cups.test.ts.

const pdf = Buffer.from('%PDF-1.7 test');
const pollMs = 100;
const faultGraceMs = 1_000;
const maxHeldMs = 5_000;

function fakeCups() {
  const printer: PrinterAttributes = { state: 3, reasons: ['none'], acceptingJobs: true, errorPolicy: 'abort-job' };
  const jobs = new Map<number, JobAttributes>();
  const calls = { printJob: 0, jobs: 0, cancel: [] as number[] };
  let nextId = 1;
  let unreachable = false;
  /** what the next Print-Job does: take it and answer, take it but never answer, refuse, or fail before CUPS sees it */
  let printJobBehaviour: 'ok' | 'taken-no-answer' | 'refused' | 'lost-request' = 'ok';
  const down = () => new TypeError('fetch failed');

  const client: IppClient = {
    async printerAttributes() {
      if (unreachable) throw down();
      return { ...printer, reasons: [...printer.reasons] };
    },
    async printJob(jobName) {
      if (unreachable) throw down();
      calls.printJob++;
      if (printJobBehaviour === 'refused') throw new IppError(0x0506, 'CUPS refused the request: 0x506 not accepting jobs');
      if (printJobBehaviour === 'lost-request') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      const id = nextId++;
      jobs.set(id, { id, name: jobName, state: 'processing', reasons: ['job-printing'], impressionsCompleted: 0 });
      if (printJobBehaviour === 'taken-no-answer') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      return id;
    },
    async job(id) {
      if (unreachable) throw down();
      const job = jobs.get(id);
      return job ? { ...job } : null;
    },
    async jobs() {
      if (unreachable) throw down();
      calls.jobs++;
      return [...jobs.values()].map((job) => ({ ...job }));
    },
    async cancel(id) {
      if (unreachable) throw down();
      const job = jobs.get(id);
      if (!job || ['completed', 'canceled', 'aborted'].includes(job.state)) throw new IppError(0x0507, 'not possible');
      calls.cancel.push(id);
      job.state = 'canceled';
    },
  };
  return {
    client,
    printer,
    calls,
    job: (id: number) => jobs.get(id)!,
    setJob(id: number, change: Partial<JobAttributes> & { state?: IppJobState }) {
      Object.assign(jobs.get(id)!, change);
    },
    setPrintJob(behaviour: typeof printJobBehaviour) {
      printJobBehaviour = behaviour;
    },
    setUnreachable(value: boolean) {
      unreachable = value;
    },
  };
}

async function setup() {
  const clock = createManualClock();
  const cups = fakeCups();
  const printer = createCupsA4Printer({
    server: 'http://127.0.0.1:1',
    queue: 'Kiosk_A4',
    pollMs,
    faultGraceMs,
    maxHeldMs,
    clock,
    client: cups.client,
  });
  await printer.start();
  const progress: PrintProgress[] = [];
  let outcome: 'pending' | 'printed' | PrintFailedError = 'pending';
  const print = (pages = 2, copies = 1) => {
    void printer
      .print({ jobId: 'job-1', pdf, pages, copies }, (event) => progress.push(event))
      .then(
        () => (outcome = 'printed'),
        (error: PrintFailedError) => (outcome = error),
      );
  };
  /** lets the driver's pending promises run, then moves the clock */
  const advance = async (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += pollMs) {
      for (let turn = 0; turn < 10; turn++) await Promise.resolve();
      clock.advance(Math.min(pollMs, ms - elapsed));
    }
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
  };
  return { clock, cups, printer, progress, print, advance, outcome: () => outcome };
}

describe('CUPS driver: a printer that stops in the middle of a job', () => {
  it('cancels a job CUPS keeps processing with media-empty-error after the grace period, and fails it as paper-out', async () => {
    const { cups, progress, print, advance, outcome, printer } = await setup();
    print();
    await advance(300);
    cups.printer.reasons = ['media-empty-error'];
    cups.printer.state = 4;
    await advance(300);
    expect(progress).toContainEqual({ kind: 'held', reason: 'paper-out' });
    expect(outcome()).toBe('pending');
    await advance(faultGraceMs + 300);
    expect(cups.calls.cancel).toEqual([1]);
    expect(outcome()).toBeInstanceOf(PrintFailedError);
    expect((outcome() as PrintFailedError).reason).toBe('paper-out');
    expect(cups.job(1).state).toBe('canceled');
    expect(printer.status()).toMatchObject({ state: 'fault', reason: 'paper-out' });
  });

  it('lets a job go on when paper comes back within the grace period', async () => {
    const { cups, progress, print, advance, outcome } = await setup();
    print();
    await advance(200);
    cups.printer.reasons = ['media-needed'];
    await advance(faultGraceMs / 2);
    cups.printer.reasons = ['none'];
    await advance(300);
    cups.setJob(1, { state: 'completed' });
    await advance(300);
    expect(outcome()).toBe('printed');
    expect(cups.calls.cancel).toEqual([]);
    expect(progress.map((event) => event.kind)).toEqual(['submitted', 'started', 'held', 'resumed']);
  });

  it('fails a jam or an open door the same way, with that reason', async () => {
    const { cups, print, advance, outcome } = await setup();
    print();
    await advance(200);
    cups.setJob(1, { state: 'processing-stopped', reasons: ['door-open-error'] });
    await advance(faultGraceMs + 400);
    expect((outcome() as PrintFailedError).reason).toBe('cover-open');
    expect(cups.calls.cancel).toEqual([1]);
  });

  it('limits any other wait: a job held on a stopped queue is cancelled after maxHeldMs', async () => {
    const { cups, progress, print, advance, outcome } = await setup();
    print();
    await advance(200);
    cups.printer.state = 5;
    cups.setJob(1, { state: 'pending' });
    await advance(maxHeldMs - 500);
    expect(progress).toContainEqual({ kind: 'held', reason: 'offline' });
    expect(outcome()).toBe('pending');
    await advance(1_000);
    expect((outcome() as PrintFailedError).reason).toBe('offline');
    expect(cups.calls.cancel).toEqual([1]);
  });

  it('gives up on CUPS not answering after maxHeldMs, and sends the cancel once CUPS is back', async () => {
    const { cups, print, advance, outcome } = await setup();
    print();
    await advance(200);
    cups.setUnreachable(true);
    await advance(maxHeldMs + 500);
    expect((outcome() as PrintFailedError).reason).toBe('disconnected');
    expect(cups.calls.cancel).toEqual([]);
    cups.setUnreachable(false);
    await advance(300);
    expect(cups.calls.cancel).toEqual([1]);
  });
});

describe('CUPS driver: Print-Job without an answer', () => {
  it('finds a job CUPS took although the answer never came, and follows it instead of failing (no duplicate on reprint)', async () => {
    const { cups, progress, print, advance, outcome } = await setup();
    cups.setPrintJob('taken-no-answer');
    print();
    await advance(300);
    expect(cups.calls.jobs).toBeGreaterThan(0);
    expect(progress[0]).toEqual({ kind: 'submitted', printerJobId: '1' });
    cups.setJob(1, { state: 'completed' });
    await advance(300);
    expect(outcome()).toBe('printed');
    expect(cups.calls.printJob).toBe(1);
  });

  it('fails the job when CUPS says it never got it', async () => {
    const { cups, print, advance, outcome } = await setup();
    cups.setPrintJob('lost-request');
    print();
    await advance(300);
    expect(outcome()).toBeInstanceOf(PrintFailedError);
    expect(cups.calls.printJob).toBe(1);
    expect(cups.calls.jobs).toBe(1);
  });

  it('does not look anything up when CUPS refused the job with an IPP status', async () => {
    const { cups, print, advance, outcome } = await setup();
    cups.setPrintJob('refused');
    print();
    await advance(300);
    expect(outcome()).toBeInstanceOf(PrintFailedError);
    expect(cups.calls.jobs).toBe(0);
  });
});

describe('CUPS driver: progress and cancellation', () => {
  it('reports pages from job-impressions-completed, never more than pages × copies', async () => {
    const { cups, progress, print, advance, outcome } = await setup();
    print(2, 2);
    await advance(200);
    cups.setJob(1, { impressionsCompleted: 1 });
    await advance(200);
    cups.setJob(1, { impressionsCompleted: 9 });
    await advance(200);
    cups.setJob(1, { state: 'completed' });
    await advance(200);
    expect(outcome()).toBe('printed');
    expect(progress.filter((event) => event.kind === 'page')).toEqual([
      { kind: 'page', pagesPrinted: 1 },
      { kind: 'page', pagesPrinted: 4 },
    ]);
  });

  it('says cancelled when someone cancelled the job in CUPS', async () => {
    const { cups, print, advance, outcome } = await setup();
    print();
    await advance(200);
    cups.setJob(1, { state: 'canceled', reasons: ['job-canceled-by-user'] });
    await advance(200);
    expect((outcome() as PrintFailedError).reason).toBe('cancelled');
  });
});
