import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { HealthResponse } from '@tongban/device-bridge/api';
import { kioskStatusFrom } from '../app/kiosk-status.ts';
import { canOpenJourney, canStartPrint, menuEntries, menuGroupOf, menuGroups, type MenuEntry } from './menu.ts';
import { citizenSession, workingKiosk } from './session.fixtures.ts';
import { sessionMachine } from './session.machine.ts';
import { screenOf } from './session.screens.ts';
import type { KioskStatus } from './session.types.ts';

const platformDown: KioskStatus = { ...workingKiosk, platformReachable: false };
const receiptPrinterDown: KioskStatus = { ...workingKiosk, capabilities: { ...workingKiosk.capabilities, printReceipt: false } };
const bothPrintersDown: KioskStatus = {
  ...platformDown,
  capabilities: { ...workingKiosk.capabilities, printCertificate: false, printReceipt: false },
};

/** id → reason (null when available), the way a citizen reads the greyed tiles */
function reasons(kiosk: KioskStatus): Record<string, MenuEntry['reason']> {
  return Object.fromEntries(menuEntries(kiosk).map((entry) => [entry.id, entry.reason]));
}

describe('menu availability', () => {
  it('offers everything while the printers and the platform work', () => {
    expect(menuEntries(workingKiosk).every((entry) => entry.available && entry.reason === null)).toBe(true);
  });

  it('with the platform unreachable: records, print, progress, appointment and queue are greyed with the reason; apply stays', () => {
    expect(reasons(platformDown)).toEqual({
      'social-insurance-contribution': 'platform',
      records: 'platform',
      progress: 'platform',
      appointment: 'platform',
      queue: 'platform',
      apply: null,
    });
    expect(canStartPrint(platformDown, 'social-insurance-contribution')).toBe(false);
    expect(canOpenJourney(platformDown, 'apply')).toBe(true);
  });

  it('with the receipt printer down only the queue number (a printed ticket) is greyed', () => {
    expect(reasons(receiptPrinterDown)).toEqual({
      'social-insurance-contribution': null,
      records: null,
      progress: null,
      appointment: null,
      queue: 'receipt-printer',
      apply: null,
    });
  });

  it('names the printer first for a certificate when both it and the platform are down', () => {
    expect(reasons(bothPrintersDown)['social-insurance-contribution']).toBe('printer');
    expect(reasons(bothPrintersDown).queue).toBe('platform');
  });
});

describe('kiosk status from health', () => {
  const health = (platform: HealthResponse['platform']): HealthResponse => ({
    status: 'ok',
    simulated: true,
    capabilities: workingKiosk.capabilities,
    devices: [],
    site: { kioskId: 'TB-1', name: '测试', helpPhone: '12345' },
    session: { idleTimeoutSeconds: 120, countdownSeconds: 20 },
    version: '0',
    ...(platform ? { platform } : {}),
  });
  const line = (reachable: boolean | null) => ({
    reachable,
    reason: reachable === false ? 'connect ECONNREFUSED' : null,
    since: null,
    waiting: 0,
    oldestWaitingSeconds: 0,
  });

  it('carries the platform state: only a known failure counts as unreachable', () => {
    expect(kioskStatusFrom(health(line(false)), []).platformReachable).toBe(false);
    expect(kioskStatusFrom(health(line(true)), []).platformReachable).toBe(true);
    // not asked yet (null) or a bridge without a platform section: the journey finds out for itself
    expect(kioskStatusFrom(health(line(null)), []).platformReachable).toBe(true);
    expect(kioskStatusFrom(health(undefined), []).platformReachable).toBe(true);
  });
});

describe('the session flow keeps greyed journeys shut', () => {
  it('opens neither records nor the queue while the platform is down, but does open apply', () => {
    const actor = createActor(sessionMachine);
    actor.start();
    actor.send({ type: 'KIOSK_STATUS', status: platformDown });
    actor.send({ type: 'SESSION_STARTED', session: citizenSession });
    actor.send({ type: 'CONTINUE' });
    expect(screenOf(actor.getSnapshot())).toBe('menu');
    for (const type of ['OPEN_RECORDS', 'OPEN_PROGRESS', 'OPEN_QUEUE', 'OPEN_APPOINTMENT'] as const) {
      actor.send({ type });
      expect(screenOf(actor.getSnapshot()), type).toBe('menu');
    }
    actor.send({ type: 'SELECT_SERVICE', service: 'social-insurance-contribution' });
    expect(screenOf(actor.getSnapshot())).toBe('menu');
    actor.send({ type: 'OPEN_APPLY' });
    expect(screenOf(actor.getSnapshot())).toBe('apply');
    actor.stop();
  });
});

describe('the elder menu pages', () => {
  it('puts every tile on exactly one page, certificates together', () => {
    const kiosk: KioskStatus = {
      ...workingKiosk,
      services: [
        { type: 'social-insurance-contribution', title: '社会保险参保缴费证明', serviceCode: 'A' },
        { type: 'individual-income-tax', title: '个人所得税纳税记录', serviceCode: 'B' },
      ],
    };
    const pages: Record<string, string[]> = {};
    for (const entry of menuEntries(kiosk)) (pages[menuGroupOf(entry)] ??= []).push(entry.id);
    expect(pages).toEqual({
      print: ['social-insurance-contribution', 'individual-income-tax'],
      records: ['records', 'progress'],
      services: ['apply', 'appointment', 'queue'],
    });
    expect(Object.keys(pages).sort()).toEqual([...menuGroups].sort());
  });
});
