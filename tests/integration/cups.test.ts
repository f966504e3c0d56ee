import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCupsA4Printer } from '../../device-bridge/src/devices/a4-printer/cups.ts';
import { createIppClient } from '../../device-bridge/src/devices/a4-printer/ipp/client.ts';
import { setUpCupsQueue } from '../../device-bridge/src/doctor/cups-setup.ts';
import { PrintFailedError, type PrintProgress } from '../../device-bridge/src/devices/device.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { startPrivateCups, type PrivateCups } from '../support/cups.ts';
import { waitFor } from '../support/wait.ts';

const until = (what: string, condition: () => boolean) =>
  waitFor(what, async () => (condition() ? { value: true } : { note: JSON.stringify(printerStatusNow()) }), 5_000);
let printerStatusNow: () => unknown = () => null;

/** A tiny but real PDF (one page). */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('A4 printer through a real CUPS server', () => {
  let cups: PrivateCups;
  let printer: ReturnType<typeof createCupsA4Printer>;

  beforeAll(async () => {
    cups = await startPrivateCups();
    printer = createCupsA4Printer({ server: cups.server, queue: cups.queue, pollMs: 100, faultGraceMs: 1_000, clock: systemClock });
    await printer.start();
    printerStatusNow = () => printer.status();
  }, 30_000);
  afterAll(async () => {
    await printer?.stop();
    await cups?.stop();
  });

  it('prints a certificate: the PDF arrives at the queue, the job is followed to completed, its title holds no personal data', async () => {
    const progress: PrintProgress[] = [];
    await printer.print({ jobId: 'job-ok-1', pdf, pages: 1 }, (event) => progress.push(event));
    expect(progress[0]).toMatchObject({ kind: 'submitted' });
    const cupsId = (progress[0] as { printerJobId: string }).printerJobId;
    expect(cups.printed()).toContain(`job-${cupsId}.pdf`);
    expect(readFileSync(join(cups.outDir, `job-${cupsId}.pdf`)).equals(pdf)).toBe(true);
    const jobs = await createIppClient({ server: cups.server, queue: cups.queue, timeoutMs: 2000 }).jobs();
    expect(jobs.find((job) => String(job.id) === cupsId)).toMatchObject({ name: 'job-ok-1', state: 'completed' });
    expect(printer.status().state).toBe('ready');
  });

  it('shows a queue not set to abort-job as degraded, so nothing prints hours later unnoticed', async () => {
    await cups.tool('lpadmin', ['-h', cups.hostPort, '-p', cups.queue, '-o', 'printer-error-policy=retry-job']);
    await until('degraded for the error policy', () => printer.status().reason === 'error-policy-not-abort-job');
    expect(printer.status().state).toBe('degraded');
    await cups.tool('lpadmin', ['-h', cups.hostPort, '-p', cups.queue, '-o', 'printer-error-policy=abort-job']);
    await until('ready again', () => printer.status().state === 'ready');
  });

  it('says the printer is unavailable when the queue is disabled (cupsdisable), and ready again after cupsenable', async () => {
    await cups.disable('toner change');
    await until('disabled printer reported', () => printer.status().state === 'disconnected');
    expect(printer.status().reason).toBe('offline');
    await cups.enable();
    await until('printer ready again', () => printer.status().state === 'ready');
  });

  it('reports a job aborted mid-way by paper-out as failed with reason paper-out, and does not retry it', async () => {
    cups.setFault('paper-out');
    const before = cups.printed().length;
    const failure = await printer.print({ jobId: 'job-paper-out', pdf, pages: 1 }, () => {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrintFailedError);
    expect((failure as PrintFailedError).reason).toBe('paper-out');
    await until('paper-out status', () => printer.status().reason === 'paper-out');
    expect(printer.status().state).toBe('fault');
    // abort-job: the job is finished as aborted, nothing comes out later
    cups.setFault('none');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(cups.printed().length).toBe(before);
    const jobs = await createIppClient({ server: cups.server, queue: cups.queue, timeoutMs: 2000 }).jobs();
    expect(jobs.find((job) => job.name === 'job-paper-out')?.state).toBe('aborted');
  });

  it('a backend that waits on paper-out (as ipp:// and usb:// do): the kiosk cancels the job after the grace period, fails it as paper-out, and it never prints later', async () => {
    cups.setFault('paper-out-waits');
    const progress: PrintProgress[] = [];
    const failure = await printer
      .print({ jobId: 'job-paper-out-waits', pdf, pages: 1 }, (event) => progress.push(event))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrintFailedError);
    expect((failure as PrintFailedError).reason).toBe('paper-out');
    // the citizen was told the printer needs attention while the grace period ran
    expect(progress).toContainEqual({ kind: 'held', reason: 'paper-out' });
    const cupsId = (progress[0] as { printerJobId: string }).printerJobId;
    const client = createIppClient({ server: cups.server, queue: cups.queue, timeoutMs: 2000 });
    expect((await client.job(Number(cupsId)))?.state).toBe('canceled');
    // printing stays disabled: the printer still reports media-empty-error after the cancel
    expect(printer.status()).toMatchObject({ state: 'fault', reason: 'paper-out' });

    // paper back: a test page clears the reason; the cancelled certificate does not come out with it
    cups.setFault('none');
    await cups.tool('lp', ['-h', cups.hostPort, '-d', cups.queue, '-t', 'test page', '/usr/share/cups/data/testprint']);
    await until('printer ready again', () => printer.status().state === 'ready');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cups.printed()).not.toContain(`job-${cupsId}.pdf`);
  });

  it('reports a job cancelled in CUPS (the cancel tool) as cancelled, not as a failure to reprint', async () => {
    cups.setFault('slow');
    const progress: PrintProgress[] = [];
    const printing = printer
      .print({ jobId: 'job-cancelled-by-staff', pdf, pages: 1 }, (event) => progress.push(event))
      .catch((error: unknown) => error);
    await until('job submitted', () => progress.some((event) => event.kind === 'submitted'));
    const cupsId = (progress.find((event) => event.kind === 'submitted') as { printerJobId: string }).printerJobId;
    await cups.tool('cancel', ['-h', cups.hostPort, `${cups.queue}-${cupsId}`]);
    const failure = await printing;
    cups.setFault('none');
    expect(failure).toBeInstanceOf(PrintFailedError);
    expect((failure as PrintFailedError).reason).toBe('cancelled');
    expect(cups.printed()).not.toContain(`job-${cupsId}.pdf`);
  });

  it('after a restart, finds a job it sent by name and follows it instead of sending it again', async () => {
    const client = createIppClient({ server: cups.server, queue: cups.queue, timeoutMs: 2000 });
    // counted before the job is sent: on a busy machine CUPS may start it only after the fault is
    // reset below, and finish it before the fresh printer looks; exactly one print must come of it
    const before = cups.printed().length;
    cups.setFault('slow');
    // as if the bridge had sent the job and died before storing CUPS's answer
    await client.printJob('job-crashed-1', pdf);
    cups.setFault('none');
    const fresh = createCupsA4Printer({ server: cups.server, queue: cups.queue, pollMs: 100, clock: systemClock });
    await fresh.start();
    try {
      expect(await fresh.follow('job-crashed-1', null, () => {})).toBe('printed');
      const sent = (await client.jobs()).filter((job) => job.name === 'job-crashed-1');
      expect(sent, 'the job is in CUPS once: not sent again').toHaveLength(1);
      expect(cups.printed()).toContain(`job-${sent[0]!.id}.pdf`);
      expect(cups.printed().length).toBe(before + 1);
      expect(await fresh.follow('job-never-sent', null, () => {})).toBe('unknown');
    } finally {
      await fresh.stop();
    }
  });

  // last: cupsctl makes cupsd reload its configuration
  it('doctor cups-setup sets abort-job, MaxJobTime and PreserveJobFiles No with the CUPS tools', async () => {
    // a server as Debian installs it (MaxJobTime 3 h, job files kept a day) and a queue that retries
    await cups.tool('cupsctl', ['-h', cups.hostPort, 'MaxJobTime=10800', 'PreserveJobFiles=86400']);
    await waitFor(
      'cupsd back after its reload',
      async () => {
        const done = await cups.tool('lpadmin', ['-h', cups.hostPort, '-p', cups.queue, '-o', 'printer-error-policy=retry-job']).then(
          () => true,
          () => false,
        );
        return done ? { value: true } : {};
      },
      10_000,
    );
    const report = await setUpCupsQueue({ hostPort: cups.hostPort, queue: cups.queue }, (command, args) => cups.tool(command, args));
    expect(report.lines.join('\n')).not.toMatch(/FAIL|WARN/);
    expect(report.ok).toBe(true);
    await waitFor(
      'cupsd settings applied',
      async () => {
        const settings = await cups.tool('cupsctl', ['-h', cups.hostPort]).catch(() => '');
        return settings.includes('MaxJobTime=300') && settings.includes('PreserveJobFiles=No') ? { value: true } : { note: settings };
      },
      10_000,
    );
    await until('abort-job again', () => printer.status().state === 'ready');
  }, 30_000);
});
