import { describe, expect, it } from 'vitest';
import type { PrintDocument, PrintProgress } from '../device.ts';
import { createMemoryA4Printer } from './memory.ts';

const document: PrintDocument = { jobId: 'job-1', pages: 2, pdf: Buffer.from('%PDF-1.7\n') };

describe('memory A4 printer', () => {
  it('prints a job completely at once by default and records it', async () => {
    const printer = createMemoryA4Printer();
    const progress: PrintProgress[] = [];
    await printer.print(document, (event) => progress.push(event));
    expect(progress).toEqual([{ kind: 'started' }, { kind: 'page', pagesPrinted: 1 }, { kind: 'page', pagesPrinted: 2 }]);
    expect(printer.printed).toEqual([document]);
  });

  it('lets a test hold a job in flight, then resume and finish it', async () => {
    const printer = createMemoryA4Printer();
    printer.holdJobs();
    const progress: string[] = [];
    let resolved = false;
    const done = printer.print(document, (event) => progress.push(event.kind)).then(() => (resolved = true));
    printer.printPage();
    printer.hold('paper-out');
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(printer.openJobIds()).toEqual(['job-1']);
    printer.resume();
    printer.finish();
    await done;
    expect(progress).toEqual(['started', 'page', 'held', 'resumed', 'page']);
    expect(printer.openJobIds()).toEqual([]);
  });

  it('lets a test fail a job with a reason', async () => {
    const printer = createMemoryA4Printer();
    printer.holdJobs();
    const done = printer.print(document, () => {});
    printer.fail('jam', 'paper jammed beyond recovery');
    await expect(done).rejects.toMatchObject({ name: 'PrintFailedError', reason: 'jam' });
    expect(printer.printed).toEqual([]);
  });

  it('says clearly when a test moves a job that does not exist', () => {
    const printer = createMemoryA4Printer();
    expect(() => printer.finish()).toThrow('no open print job');
  });
});
