import type {
  AuditEntryView,
  BundleExportResponse,
  PrintProblem,
  SelfTestResult,
  TechnicianDevice,
  TechnicianLogResponse,
} from '@tongban/device-bridge/api';
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { technicianMachine, TechnicianSessionLost, type LoginOutcome, type SettingsData } from './technician.machine.ts';

const printer: TechnicianDevice = {
  status: { id: 'a4-printer', state: 'ready', driver: 'simulated', since: '2025-03-01T09:00:00.000Z' },
  config: { driver: 'simulated' },
  selfTest: 'test-page',
};

const paperOutJob: PrintProblem = {
  id: 'job-7',
  certificateType: 'social-insurance-contribution',
  copies: 1,
  state: 'failed',
  reason: 'paper-out',
  createdAt: '2025-03-01T09:00:00.000Z',
  failedAt: '2025-03-01T09:00:04.000Z',
  isReprint: false,
  reprint: null,
};

function start(
  login: (pin: string) => LoginOutcome,
  overrides: { listDevices?: () => Promise<TechnicianDevice[]>; exportBundle?: () => Promise<BundleExportResponse> } = {},
) {
  const clock = new SimulatedClock();
  const logout = vi.fn(async () => {});
  // the bridge's list of unhandled print problems: marking one handled takes it off
  let printProblems: PrintProblem[] = [paperOutJob];
  const printProblemHandled = vi.fn(async ({ input }: { input: { token: string; jobId: string } }) => {
    printProblems = printProblems.filter((problem) => problem.id !== input.jobId);
  });
  const machine = technicianMachine.provide({
    actors: {
      login: fromPromise(async ({ input }: { input: { pin: string } }) => login(input.pin)),
      listDevices: fromPromise(overrides.listDevices ?? (async () => [printer])),
      selfTest: fromPromise(async ({ input }: { input: { token: string; device: string } }): Promise<SelfTestResult> => ({
        device: input.device as SelfTestResult['device'],
        kind: 'test-page',
        ok: true,
        detail: 'test page printed',
        durationMs: 1,
      })),
      loadAudit: fromPromise(async (): Promise<AuditEntryView[]> => []),
      paperRefilled: fromPromise(async () => {}),
      listPrintProblems: fromPromise(async () => printProblems),
      printProblemHandled: fromPromise(printProblemHandled),
      loadLog: fromPromise(async (): Promise<TechnicianLogResponse['lines']> => []),
      exportBundle: fromPromise(
        overrides.exportBundle ??
          (async (): Promise<BundleExportResponse> => ({ file: '/media/tongban-usb/b.json', where: 'usb', bytes: 2048 })),
      ),
      loadSettings: fromPromise(async (): Promise<SettingsData> => ({
        site: {},
        effective: { kiosk: { siteName: '站' }, devices: { 'a4-printer': { driver: 'cups', queue: 'Kiosk_A4' } } },
        ports: [],
        cupsQueues: ['Kiosk_A4', 'Other'],
        languages: ['zh-CN', 'en'],
      })),
      logout: fromPromise(async () => logout()),
    },
  });
  const actor = createActor(machine, { clock }).start();
  const typePin = (pin: string) => {
    for (const digit of pin) actor.send({ type: 'DIGIT', digit });
    actor.send({ type: 'SUBMIT' });
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { actor, clock, typePin, settle, logout, printProblemHandled };
}

describe('technician machine', () => {
  it('stays hidden until entered, and a short PIN is not even sent', () => {
    const { actor, typePin } = start(() => ({ kind: 'not-set-up' }));
    expect(actor.getSnapshot().value).toBe('hidden');
    actor.send({ type: 'ENTER' });
    typePin('123');
    expect(actor.getSnapshot().value).toBe('pin');
  });

  it('shows the bridge’s wrong-PIN and lockout answers and clears the typed PIN', async () => {
    const answers: LoginOutcome[] = [
      { kind: 'wrong-pin', message: 'Wrong PIN. 4 attempts left' },
      { kind: 'locked-out', retryAfterSeconds: 15 },
    ];
    const { actor, typePin, settle } = start(() => answers.shift()!);
    actor.send({ type: 'ENTER' });
    typePin('000000');
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ notice: 'wrong-pin', pin: '' });
    typePin('000000');
    await settle();
    expect(actor.getSnapshot().context).toMatchObject({ notice: 'locked-out', noticeDetail: '15' });
  });

  it('opens the device panel, runs a self-test, and logs out after its own inactivity limit', async () => {
    const { actor, typePin, settle, clock, logout } = start(() => ({ kind: 'ok', token: 'ab'.repeat(32), inactivitySeconds: 60 }));
    actor.send({ type: 'ENTER' });
    typePin('604217');
    await settle();
    await settle();
    expect(actor.getSnapshot().matches({ panel: { devices: 'showing' } })).toBe(true);
    actor.send({ type: 'SELF_TEST', device: 'a4-printer' });
    await settle();
    await settle();
    expect(actor.getSnapshot().context.results['a4-printer']).toMatchObject({ ok: true });
    clock.increment(59_000);
    actor.send({ type: 'ACTIVITY' });
    clock.increment(59_000);
    expect(actor.getSnapshot().matches('panel')).toBe(true);
    clock.increment(2_000);
    await settle();
    expect(actor.getSnapshot().value).toBe('hidden');
    expect(logout).toHaveBeenCalled();
    expect(actor.getSnapshot().context.token).toBeNull();
  });

  it('lists failed print jobs under the devices and drops one once the technician marks it handled', async () => {
    const { actor, typePin, settle, printProblemHandled } = start(() => ({ kind: 'ok', token: 'ab'.repeat(32), inactivitySeconds: 300 }));
    actor.send({ type: 'ENTER' });
    typePin('604217');
    for (let step = 0; step < 4; step++) await settle();
    expect(actor.getSnapshot().matches({ panel: { devices: 'showing' } })).toBe(true);
    expect(actor.getSnapshot().context.printProblems).toEqual([paperOutJob]);
    actor.send({ type: 'PRINT_PROBLEM_HANDLED', jobId: 'job-7' });
    for (let step = 0; step < 6; step++) await settle();
    expect(printProblemHandled).toHaveBeenCalledTimes(1);
    expect(actor.getSnapshot().matches({ panel: { devices: 'showing' } })).toBe(true);
    expect(actor.getSnapshot().context.printProblems).toEqual([]);
    expect(actor.getSnapshot().context.notice).toBeNull();
  });

  it('goes back to the PIN when the bridge says the technician session is gone', async () => {
    const { actor, typePin, settle } = start(() => ({ kind: 'ok', token: 'ab'.repeat(32), inactivitySeconds: 300 }), {
      listDevices: async () => {
        throw new TechnicianSessionLost();
      },
    });
    actor.send({ type: 'ENTER' });
    typePin('604217');
    await settle();
    await settle();
    expect(actor.getSnapshot().value).toBe('pin');
    expect(actor.getSnapshot().context.notice).toBe('session-ended');
  });

  it('leaves the PIN screen by itself when nobody types', () => {
    const { actor, clock } = start(() => ({ kind: 'not-set-up' }));
    actor.send({ type: 'ENTER' });
    actor.send({ type: 'DIGIT', digit: '6' });
    clock.increment(30_000);
    expect(actor.getSnapshot().value).toBe('hidden');
  });

  it('exports the diagnostic bundle and keeps where it went on screen; a failure says so', async () => {
    let fail = false;
    const { actor, typePin, settle } = start(() => ({ kind: 'ok', token: 'ab'.repeat(32), inactivitySeconds: 300 }), {
      exportBundle: async () => {
        if (fail) throw new Error('disk full');
        return { file: '/media/tongban-usb/b.json', where: 'usb', bytes: 2048 };
      },
    });
    actor.send({ type: 'ENTER' });
    typePin('604217');
    for (let step = 0; step < 4; step++) await settle();
    actor.send({ type: 'EXPORT_BUNDLE' });
    expect(actor.getSnapshot().matches({ panel: { devices: 'exporting' } })).toBe(true);
    for (let step = 0; step < 4; step++) await settle();
    expect(actor.getSnapshot().context.bundleExport).toEqual({ file: '/media/tongban-usb/b.json', where: 'usb', bytes: 2048 });
    fail = true;
    actor.send({ type: 'EXPORT_BUNDLE' });
    for (let step = 0; step < 4; step++) await settle();
    expect(actor.getSnapshot().context).toMatchObject({ notice: 'failed', bundleExport: null });
  });

  it('loads every setting field, with the CUPS queues and languages to pick from, and sends only changed ones', async () => {
    const { actor, typePin, settle } = start(() => ({ kind: 'ok', token: 'ab'.repeat(32), inactivitySeconds: 300 }));
    actor.send({ type: 'ENTER' });
    typePin('604217');
    for (let step = 0; step < 4; step++) await settle();
    actor.send({ type: 'SHOW_SETTINGS' });
    for (let step = 0; step < 4; step++) await settle();
    const { context } = actor.getSnapshot();
    expect(context.cupsQueues).toEqual(['Kiosk_A4', 'Other']);
    expect(context.draft).toMatchObject({ 'devices.a4-printer.queue': 'Kiosk_A4', 'kiosk.languages': 'zh-CN,en' });
    actor.send({ type: 'EDIT', field: 'devices.a4-printer.queue', value: 'Other' });
    expect(actor.getSnapshot().context.draft['devices.a4-printer.queue']).toBe('Other');
    expect(actor.getSnapshot().context.baseline['devices.a4-printer.queue']).toBe('Kiosk_A4');
  });
});
