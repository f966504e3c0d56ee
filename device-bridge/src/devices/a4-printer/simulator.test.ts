import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintFailedError, type PrintDocument, type PrintProgress } from '../device.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { createSimulatedA4Printer } from './simulator.ts';

const pageMs = 1_500;

function testPdf(jobId: string, pages: number): PrintDocument {
  // Not a renderable PDF, but it starts like one and its bytes are unique per job: enough to prove
  // the paper holds exactly what was sent.
  return { jobId, pages, pdf: Buffer.from(`%PDF-1.7\n% job ${jobId}, ${pages} pages\n%%EOF\n`, 'latin1') };
}

function progressText(progress: PrintProgress): string {
  switch (progress.kind) {
    case 'page':
      return `page ${progress.pagesPrinted}`;
    case 'held':
      return `held ${progress.reason}`;
    default:
      return progress.kind;
  }
}

let printOutDir: string;
let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tongban-a4-'));
  // a directory that does not exist yet: the printer must create it
  printOutDir = join(workDir, 'var', 'print-out');
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function startedPrinter() {
  const clock = createManualClock();
  const printer = createSimulatedA4Printer({ clock, pageMs, printOutDir });
  await printer.start();
  const states: string[] = [];
  printer.onStatus((status) => states.push(status.reason ? `${status.state}/${status.reason}` : status.state));
  return { clock, printer, states };
}

async function filesInPrintOut(): Promise<string[]> {
  return readdir(printOutDir).catch(() => []);
}

describe('simulated A4 printer', () => {
  it('prints one page every pageMs and puts the PDF on the "paper" only when the last page is out', async () => {
    const { clock, printer, states } = await startedPrinter();
    const document = testPdf('job-1', 3);
    const progress: string[] = [];
    const done = printer.print(document, (event) => progress.push(progressText(event)));

    expect(progress).toEqual(['started']);
    expect(printer.status()).toMatchObject({ state: 'busy', reason: 'printing' });
    clock.advance(pageMs);
    expect(progress).toEqual(['started', 'page 1']);
    clock.advance(pageMs);
    expect(progress).toEqual(['started', 'page 1', 'page 2']);
    expect(await filesInPrintOut()).toEqual([]);

    clock.advance(pageMs);
    await done;
    expect(progress).toEqual(['started', 'page 1', 'page 2', 'page 3']);
    expect(await filesInPrintOut()).toEqual(['job-1.pdf']);
    expect(await readFile(join(printOutDir, 'job-1.pdf'))).toEqual(document.pdf);
    expect(printer.status().state).toBe('ready');
    expect(states).toEqual(['busy/printing', 'ready']);
  });

  it('aborts the job on paper-out mid-job (abort-job policy): the sheets out stay out, nothing prints later', async () => {
    const { clock, printer, states } = await startedPrinter();
    const document = testPdf('job-2', 3);
    const progress: string[] = [];
    const done = printer.print(document, (event) => progress.push(progressText(event)));
    const failure = done.catch((error: unknown) => error);

    clock.advance(pageMs); // page 1 out
    clock.advance(pageMs / 2); // page 2 half way when the tray runs empty
    printer.setCondition('paper-out');
    expect(await failure).toMatchObject({ name: 'PrintFailedError', reason: 'paper-out' });
    expect(progress).toEqual(['started', 'page 1']);
    expect(printer.status()).toMatchObject({ state: 'fault', reason: 'paper-out' });

    printer.setCondition('ready'); // staff reload paper: the aborted job does not come back
    clock.advance(10 * pageMs);
    expect(progress).toEqual(['started', 'page 1']);
    expect(await filesInPrintOut()).toEqual([]);
    expect(states).toEqual(['busy/printing', 'fault/paper-out', 'ready']);
  });

  it('follows a change of reason while held and resumes on paper-low, showing degraded', async () => {
    const { clock, printer } = await startedPrinter();
    const progress: string[] = [];
    const done = printer.print(testPdf('job-3', 1), (event) => progress.push(progressText(event)));
    printer.setCondition('cover-open');
    printer.setCondition('offline');
    printer.setCondition('paper-low');
    expect(printer.status()).toMatchObject({ state: 'degraded', reason: 'paper-low' });
    clock.advance(pageMs);
    await done;
    expect(progress).toEqual(['started', 'held cover-open', 'held offline', 'resumed', 'page 1']);
  });

  it('holds while unplugged or offline and carries on when back', async () => {
    const { clock, printer, states } = await startedPrinter();
    const progress: string[] = [];
    const done = printer.print(testPdf('job-4', 2), (event) => progress.push(progressText(event)));
    clock.advance(pageMs);
    printer.disconnect();
    clock.advance(pageMs * 4);
    printer.connect();
    printer.setCondition('offline');
    printer.setCondition('ready');
    clock.advance(pageMs);
    await done;
    expect(progress).toEqual(['started', 'page 1', 'held disconnected', 'resumed', 'held offline', 'resumed', 'page 2']);
    expect(states).toEqual(['busy/printing', 'disconnected', 'busy/printing', 'disconnected/offline', 'busy/printing', 'ready']);
  });

  it('a job sent while the printer needs attention starts held', async () => {
    const { clock, printer } = await startedPrinter();
    printer.setCondition('cover-open');
    const progress: string[] = [];
    const done = printer.print(testPdf('job-5', 1), (event) => progress.push(progressText(event)));
    expect(progress).toEqual(['started', 'held cover-open']);
    printer.setCondition('ready');
    clock.advance(pageMs);
    await done;
    expect(progress).toEqual(['started', 'held cover-open', 'resumed', 'page 1']);
  });

  it('prints jobs one after the other in the order they were sent', async () => {
    const { clock, printer } = await startedPrinter();
    const log: string[] = [];
    const first = printer.print(testPdf('first', 2), (event) => log.push(`first ${progressText(event)}`));
    const second = printer.print(testPdf('second', 1), (event) => log.push(`second ${progressText(event)}`));
    clock.advance(pageMs * 2);
    await first;
    clock.advance(pageMs);
    await second;
    expect(log).toEqual(['first started', 'first page 1', 'first page 2', 'second started', 'second page 1']);
    expect((await filesInPrintOut()).sort()).toEqual(['first.pdf', 'second.pdf']);
  });

  it('refuses a document that cannot print at all', async () => {
    const { printer } = await startedPrinter();
    const notPdf: PrintDocument = { jobId: 'job-6', pages: 1, pdf: Buffer.from('hello') };
    await expect(printer.print(notPdf, () => {})).rejects.toMatchObject({ name: 'PrintFailedError', reason: 'invalid-document' });
    await expect(printer.print(testPdf('../escape', 1), () => {})).rejects.toBeInstanceOf(PrintFailedError);
    await expect(printer.print({ ...testPdf('job-7', 1), pages: 0 }, () => {})).rejects.toBeInstanceOf(PrintFailedError);
    expect(printer.status().state).toBe('ready');
  });

  it('is disconnected until started and fails waiting jobs when stopped', async () => {
    const clock = createManualClock();
    const printer = createSimulatedA4Printer({ clock, pageMs, printOutDir });
    expect(printer.status()).toMatchObject({ state: 'disconnected', reason: 'stopped' });
    await expect(printer.print(testPdf('early', 1), () => {})).rejects.toMatchObject({ reason: 'stopped' });

    await printer.start();
    const active = printer.print(testPdf('active', 2), () => {});
    const queued = printer.print(testPdf('queued', 1), () => {});
    clock.advance(pageMs);
    await printer.stop();
    await expect(active).rejects.toMatchObject({ reason: 'stopped' });
    await expect(queued).rejects.toMatchObject({ reason: 'stopped' });
    clock.advance(pageMs * 10);
    expect(await filesInPrintOut()).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('fails the job, leaving no half file, when the output cannot be written', async () => {
    const clock = createManualClock();
    // a path below a regular file can never become a directory
    const { writeFile } = await import('node:fs/promises');
    const blocker = join(workDir, 'not-a-directory');
    await writeFile(blocker, 'x');
    const printer = createSimulatedA4Printer({ clock, pageMs, printOutDir: join(blocker, 'print-out') });
    await printer.start();
    const done = printer.print(testPdf('job-8', 1), () => {});
    clock.advance(pageMs);
    await expect(done).rejects.toMatchObject({ reason: 'output-failed' });
    expect(printer.status().state).toBe('ready');
  });
});
