import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardIdentity, KioskEvent, PrintJobView } from '../api/index.ts';
import { createMemoryA4Printer } from '../devices/a4-printer/memory.ts';
import { createEventBus } from '../events/event-bus.ts';
import { createMemoryLogger } from '../log/logger.ts';
import type { IssuedCertificate, Platform } from '../platform/platform.ts';
import type { Session } from '../session/session-holder.ts';
import { openKioskStore } from '../store/store.ts';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import { createPrintService } from './print-service.ts';
import { createSpool } from './spool.ts';

const identity: CardIdentity = {
  name: '张伟',
  sex: '1',
  nation: '01',
  birthDate: '19900307',
  address: '杭州',
  idNumber: '330106199003071234',
  issuer: '杭州市公安局',
  validFrom: '20160101',
  validTo: '20360101',
};
const session: Session = { id: 's1', identity, startedAt: new Date() };

function fakePlatform(hasRecord = true, refusesRecord = false) {
  const issued: IssuedCertificate[] = [];
  // only the certificate part of the platform: the print service uses nothing else
  const platform: Pick<
    Platform,
    'listCertificateTypes' | 'getCertificateData' | 'recordIssuedCertificate' | 'verifyCertificate' | 'close'
  > = {
    listCertificateTypes: async () => [],
    getCertificateData: async (_type, who) =>
      (hasRecord
        ? {
            type: 'social-insurance-contribution',
            title: '社会保险参保缴费证明',
            serviceCode: 'X',
            holderName: who.name,
            idNumber: who.idNumber,
            rows: [],
          }
        : null) as never,
    recordIssuedCertificate: async (certificate) => {
      if (refusesRecord) throw new Error('the platform is not answering');
      issued.push(certificate);
    },
    verifyCertificate: async () => null,
    close: () => {},
  };
  return { platform: platform as Platform, issued };
}

function setup(options: { dataDir?: string; hasRecord?: boolean; refusesRecord?: boolean; clock?: Clock; atKiosk?: Session | null } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tongban-print-'));
  const store = openKioskStore(dataDir, createMemoryLogger());
  const printer = createMemoryA4Printer();
  const bus = createEventBus();
  const jobEvents: PrintJobView[] = [];
  bus.subscribe((event: KioskEvent) => event.type === 'job' && jobEvents.push(event.job));
  const spool = createSpool({ dir: join(dataDir, 'spool'), key: Buffer.alloc(32, 7), randomBytes });
  const { platform, issued } = fakePlatform(options.hasRecord ?? true, options.refusesRecord ?? false);
  /** the session at the kiosk; null once the citizen has gone */
  let activeSession: Session | null = options.atKiosk === undefined ? session : options.atKiosk;
  let n = 0;
  let jobs = 0;
  const service = createPrintService({
    store: store.printJobs,
    printer,
    spool,
    platform,
    render: async (data) => ({
      pdf: Buffer.from(`%PDF certificate for ${data.holderName}`),
      pages: 2,
      verificationCode: 'ABCD-EFGH-JKMN-PQRS',
      issuedAt: '2026-11-22T02:00:00.000Z',
      validUntil: '2027-02-20',
      contentSha256: 'f'.repeat(64),
    }),
    newCertificateNumber: () => `SB20261122-0000000${++n}`,
    newJobId: () => `job-${++jobs}`,
    bus,
    logger: createMemoryLogger(),
    clock: options.clock ?? systemClock,
    resumeWithinMs: 120_000,
    activeSessionId: () => activeSession?.id ?? null,
  });
  const endSession = () => {
    activeSession = null;
    service.sessionEnded();
  };
  return { dataDir, store, printer, service, jobEvents, issued, spool, endSession };
}

describe('print service', () => {
  it('stores the job before answering, prints it, and forgets the document once the paper is out', async () => {
    const { store, printer, service, jobEvents, issued, spool } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution');
    expect(job).toMatchObject({ state: 'queued', pages: 2 });
    expect(store.printJobs.get(job.id)).not.toBeNull();
    expect(issued).toEqual([expect.objectContaining({ number: job.certificateNumber, maskedIdNumber: '330106********1234' })]);
    await Promise.resolve();
    printer.printPage();
    printer.finish();
    await service.drain();
    expect(store.printJobs.get(job.id)).toMatchObject({ state: 'completed', pagesPrinted: 2 });
    expect(jobEvents.map((event) => event.state)).toEqual(['queued', 'printing', 'printing', 'printing', 'completed']);
    expect(printer.printed.map((document) => document.jobId)).toEqual([job.id]);
    expect(spool.read(job.id)).toBeNull();
  });

  it('holds a job while the printer needs paper and completes it afterwards', async () => {
    const { printer, service, jobEvents } = setup();
    printer.holdJobs();
    await service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    printer.hold('paper-out');
    expect(jobEvents.at(-1)).toMatchObject({ state: 'held', reason: 'paper-out' });
    printer.resume();
    printer.finish();
    await service.drain();
    expect(jobEvents.at(-1)).toMatchObject({ state: 'completed' });
  });

  it('leaves a waiting job waiting when the bridge shuts down, so the next start prints it', async () => {
    const { printer, service, store } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    printer.hold('paper-out');
    printer.fail('stopped');
    await service.drain();
    expect(store.printJobs.get(job.id)).toMatchObject({ state: 'held', reason: 'paper-out' });
  });

  it('refuses to accept a job the printer cannot print, so nothing is promised and lost', async () => {
    const { printer, service, store } = setup();
    printer.setState('fault', 'paper-out');
    await expect(service.submit(session, 'social-insurance-contribution')).rejects.toMatchObject({ code: 'printer-unavailable' });
    expect(store.printJobs.unfinished()).toEqual([]);
  });

  it('says so when the platform has no record for the citizen', async () => {
    const { service } = setup({ hasRecord: false });
    await expect(service.submit(session, 'social-insurance-contribution')).rejects.toMatchObject({
      code: 'record-not-found',
    });
  });

  it('after a restart, asks the printer about every unfinished job and sends only those it never received', async () => {
    const first = setup({ clock: createManualClock(new Date('2026-11-22T02:00:00.000Z')) });
    first.printer.holdJobs();
    const waiting = await first.service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    first.printer.hold('paper-out');
    first.store.close();

    // "power cut": a second job row was mid-print when the process died; the bridge is back a minute later
    const second = setup({ dataDir: first.dataDir, clock: createManualClock(new Date('2026-11-22T02:01:00.000Z')) });
    second.store.printJobs.insert({
      id: 'job-cut',
      certificateType: 'social-insurance-contribution',
      certificateNumber: 'SB20261122-CUTCUTCU',
      pages: 1,
      copies: 1,
      sessionId: null,
      createdAt: '2026-11-22T02:00:01.000Z',
    });
    second.spool.write('job-cut', Buffer.from('%PDF-1.7 cut'));
    second.store.printJobs.update('job-cut', { state: 'printing', updatedAt: '2026-11-22T02:00:02.000Z' });
    second.service.resumeUnfinished();
    await second.service.drain();
    expect(second.store.printJobs.get(waiting.id)).toMatchObject({ state: 'completed' });
    // the printer never finished job-cut (follow says 'unknown'), so sending it now prints it exactly once
    expect(second.store.printJobs.get('job-cut')).toMatchObject({ state: 'completed' });
    expect(second.printer.printed.map((document) => document.jobId).sort()).toEqual([waiting.id, 'job-cut'].sort());
  });
});

describe('print service: failures, reprint and paper-out', () => {
  it('fails a job the printer aborts for paper-out, refuses new jobs until paper is back, and reprints once in the same session', async () => {
    const { service, printer, store } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution', 2);
    expect(job).toMatchObject({ state: 'queued', copies: 2 });
    await Promise.resolve();
    printer.fail('paper-out', 'out of paper');
    await service.drain();
    expect(service.get(job.id)).toMatchObject({ state: 'failed', reason: 'paper-out' });
    expect(service.printingEnabled()).toBe(false);
    await expect(service.submit(session, 'social-insurance-contribution')).rejects.toMatchObject({ code: 'printer-unavailable' });
    expect(() => service.reprint(session, job.id)).toThrow(expect.objectContaining({ code: 'printer-unavailable' }));

    // the printer reports paper again
    printer.setState('fault', 'paper-out');
    printer.setState('ready');
    expect(service.printingEnabled()).toBe(true);
    const other = { ...session, id: 'someone-else' };
    expect(() => service.reprint(other, job.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    printer.printImmediately();
    const again = service.reprint(session, job.id);
    expect(again).toMatchObject({ reprintOf: job.id, certificateNumber: job.certificateNumber, copies: 2 });
    await service.drain();
    expect(service.get(again.id)).toMatchObject({ state: 'completed', pagesPrinted: 4 });
    expect(() => service.reprint(session, job.id)).toThrow(expect.objectContaining({ code: 'reprint-used' }));
    expect(store.printJobs.needingAttention().map((stored) => stored.id)).toEqual([job.id]);
  });
});

describe('print service: nothing left behind to print for nobody', () => {
  it('stores no job when the platform refuses to record the certificate, so nothing prints at the next start', async () => {
    const first = setup({ refusesRecord: true });
    await expect(first.service.submit(session, 'social-insurance-contribution')).rejects.toThrow('not answering');
    expect(first.store.printJobs.unfinished()).toEqual([]);
    expect(first.spool.jobIds()).toEqual([]);
    first.store.close();
    const second = setup({ dataDir: first.dataDir });
    second.service.resumeUnfinished();
    await second.service.drain();
    expect(second.printer.printed).toEqual([]);
  });

  it('after a long outage, fails a job the printer never received as interrupted (for the technician) instead of printing it for whoever stands there', async () => {
    const first = setup({ clock: createManualClock(new Date('2026-11-22T02:00:00.000Z')) });
    first.printer.holdJobs();
    const job = await first.service.submit(session, 'social-insurance-contribution');
    first.store.close();

    const later = setup({ dataDir: first.dataDir, clock: createManualClock(new Date('2026-11-22T02:02:01.000Z')), atKiosk: null });
    later.service.resumeUnfinished();
    await later.service.drain();
    expect(later.store.printJobs.get(job.id)).toMatchObject({ state: 'failed', reason: 'interrupted' });
    expect(later.printer.printed).toEqual([]);
    expect(later.service.needingAttention().map((stored) => stored.id)).toEqual([job.id]);
    expect(later.spool.read(job.id)).toBeNull();
  });
});

describe('print service: documents of failed jobs', () => {
  it('keeps a failed job’s document for its citizen’s reprint, and removes it when the session ends', async () => {
    const { service, printer, spool, endSession } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    printer.fail('jam');
    await service.drain();
    expect(service.get(job.id)).toMatchObject({ state: 'failed', reason: 'jam' });
    expect(spool.read(job.id)).not.toBeNull();
    endSession();
    expect(spool.read(job.id)).toBeNull();
    expect(spool.jobIds()).toEqual([]);
  });

  it('removes the document at once when the job fails after its citizen has left', async () => {
    const { service, printer, spool, endSession } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    endSession();
    // still printing: its document stays until the job ends
    expect(spool.read(job.id)).not.toBeNull();
    printer.fail('paper-out');
    await service.drain();
    expect(spool.read(job.id)).toBeNull();
  });

  it('ends a job cancelled at the printer as cancelled: not offered again, document gone', async () => {
    const { service, printer, spool } = setup();
    printer.holdJobs();
    const job = await service.submit(session, 'social-insurance-contribution');
    await Promise.resolve();
    printer.fail('cancelled', 'cancelled by staff');
    await service.drain();
    expect(service.get(job.id)).toMatchObject({ state: 'cancelled', reason: 'cancelled' });
    expect(() => service.reprint(session, job.id)).toThrow(expect.objectContaining({ code: 'not-failed' }));
    expect(spool.read(job.id)).toBeNull();
    expect(service.needingAttention().map((stored) => stored.id)).toEqual([job.id]);
  });
});
