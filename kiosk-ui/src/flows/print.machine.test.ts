import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import type { CertificateType, PrintJobView } from '@tongban/device-bridge/api';
import { createActor, fromCallback, fromPromise, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { printActorDone, printEventsFor, printInput } from './print.fixtures.ts';
import { printMachine, printScreenOf, type PrintEvent } from './print.machine.ts';
import { contributionPreview, jobIn } from './session.fixtures.ts';

type PrintSnapshot = SnapshotFrom<typeof printMachine>;

const serialize = (state: PrintSnapshot) => {
  const { printerWorks, preview, job, failure, copies } = state.context;
  return JSON.stringify([
    state.value,
    printerWorks,
    preview !== null,
    job ? [job.id, job.state, job.reason ?? null, job.reprintOf ?? null] : null,
    failure,
    copies,
  ]);
};
const states = getShortestPaths(printMachine, { events: printEventsFor, serializeState: serialize, input: printInput }).map(
  (path) => path.state as PrintSnapshot,
);
const active = states.filter((state) => state.status === 'active');
const step = (state: PrintSnapshot, event: PrintEvent) => transition(printMachine, state, event)[0];

describe('print journey, generated paths', () => {
  it('reaches every step: preview, copies, printing, held, a reprint, failure, printed and closed', () => {
    const values = new Set(states.map((state) => JSON.stringify(state.value)));
    for (const value of [
      { preview: 'loading' },
      { preview: 'ready' },
      { preview: 'copies' },
      { printing: 'submitting' },
      { printing: 'reprinting' },
      { printing: { tracking: 'active' } },
      { printing: { tracking: 'held' } },
      'failed',
      'printed',
      'closed',
    ]) {
      expect(values.has(JSON.stringify(value)), JSON.stringify(value)).toBe(true);
    }
  });

  it('shows one of its three screens in every state until it ends', () => {
    for (const state of active) {
      const screen = printScreenOf(state);
      if (state.matches('preview')) expect(screen).toBe('certificate-preview');
      else if (state.matches('printing')) expect(screen).toBe('printing');
      else expect([state.value, screen]).toEqual(['failed', 'error']);
    }
    for (const state of states.filter((candidate) => candidate.status === 'done')) expect(printScreenOf(state)).toBeNull();
  });

  it('hands back a certificate number only for a job that came out of the printer', () => {
    const ended = states.filter((state) => state.status === 'done');
    expect(ended.some((state) => state.output !== null)).toBe(true);
    for (const state of ended) {
      if (state.matches('printed')) {
        expect(state.context.job?.state).toBe('completed');
        expect(state.output).toEqual({ certificateNumber: state.context.job?.certificateNumber });
      } else {
        expect(state.output).toBeNull();
      }
    }
  });

  it('can be left from the preview and from a failure, never while a job is being printed', () => {
    for (const state of active) {
      const back = step(state, { type: 'BACK' });
      const done = step(state, { type: 'DONE' });
      const where = JSON.stringify(state.value);
      if (state.matches({ preview: 'copies' })) expect(back.value, where).toEqual({ preview: 'ready' });
      else if (state.matches('preview')) expect(back.value, where).toBe('closed');
      else if (state.matches('failed')) expect(done.value, where).toBe('closed');
      else {
        expect(back.value, where).toEqual(state.value);
        expect(done.value, where).toEqual(state.value);
      }
    }
  });

  it('prints only while the printer works', () => {
    const ready = active.filter((state) => state.matches({ preview: 'ready' }));
    const copies = active.filter((state) => state.matches({ preview: 'copies' }));
    expect(ready.some((state) => !state.context.printerWorks)).toBe(true);
    expect(copies.some((state) => !state.context.printerWorks)).toBe(true);
    for (const state of ready) expect(step(state, { type: 'PRINT' }).matches({ preview: 'copies' })).toBe(state.context.printerWorks);
    for (const state of copies) {
      expect(step(state, { type: 'PRINT_COPIES', copies: 1 }).matches('printing')).toBe(state.context.printerWorks);
    }
  });

  it('prints one to three copies, whatever number arrives', () => {
    const copies = active.find((state) => state.matches({ preview: 'copies' }) && state.context.printerWorks)!;
    expect(step(copies, { type: 'PRINT_COPIES', copies: 0 }).context.copies).toBe(1);
    expect(step(copies, { type: 'PRINT_COPIES', copies: 2.4 }).context.copies).toBe(2);
    expect(step(copies, { type: 'PRINT_COPIES', copies: 9 }).context.copies).toBe(3);
  });

  it('listens only to its own job', () => {
    for (const state of active.filter((candidate) => candidate.matches({ printing: 'tracking' }))) {
      const other = step(state, { type: 'JOB', job: jobIn('completed', { id: 'job-of-someone-else' }) });
      expect(other.value).toEqual(state.value);
      expect(other.context.job).toEqual(state.context.job);
    }
  });

  it('every way out of the printing screen is the certificate, or a failure that says why', () => {
    const fromPrinting = getSimplePaths(printMachine, {
      events: printEventsFor,
      serializeState: serialize,
      fromState: step(
        step(step(initialTransition(printMachine, printInput)[0], printActorDone('loadPreview', contributionPreview)), { type: 'PRINT' }),
        {
          type: 'PRINT_COPIES',
          copies: 1,
        },
      ),
      toState: (state) => !state.matches('printing'),
    });
    const ends = fromPrinting.map((path) => path.state).filter((state) => !state.matches('printing'));
    expect(new Set(ends.map((state) => JSON.stringify(state.value)))).toEqual(new Set(['"printed"', '"failed"']));
    for (const state of ends.filter((candidate) => candidate.matches('failed'))) {
      expect(state.context.failure).toMatch(/^(print-failed|print-paper-out|print-cancelled|printer-unavailable|reprint-used)$/);
    }
  });
});

describe('print journey, interpreted', () => {
  it('loads the preview, prints the copies chosen, follows the job and hands back its certificate number', async () => {
    const calls: string[] = [];
    let reportJob: ((job: PrintJobView) => void) | null = null;
    const actor = createActor(
      printMachine.provide({
        actors: {
          loadPreview: fromPromise(async ({ input }: { input: { service: CertificateType } }) => {
            calls.push(`preview ${input.service}`);
            return contributionPreview;
          }),
          submitPrint: fromPromise(async ({ input }: { input: { service: CertificateType; copies: number } }) => {
            calls.push(`print ${input.service} ×${input.copies}`);
            return jobIn('queued', { copies: input.copies });
          }),
          reprint: fromPromise(async () => jobIn('queued', { id: 'job-2', reprintOf: 'job-1' })),
          watchPrintJob: fromCallback<PrintEvent, { jobId: string }>(({ input, sendBack }) => {
            calls.push(`watch ${input.jobId}`);
            reportJob = (job) => sendBack({ type: 'JOB', job });
            return () => calls.push(`stop watching ${input.jobId}`);
          }),
        },
      }),
      { input: printInput },
    ).start();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(actor.getSnapshot().value).toEqual({ preview: 'ready' });
    actor.send({ type: 'PRINT' });
    actor.send({ type: 'PRINT_COPIES', copies: 2 });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ printing: { tracking: 'active' } });
    reportJob!(jobIn('completed', { copies: 2 }));
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ certificateNumber: 'SB2025000001' });
    expect(calls).toEqual([
      'preview social-insurance-contribution',
      'print social-insurance-contribution ×2',
      'watch job-1',
      'stop watching job-1',
    ]);
  });
});
