import { describe, expect, it } from 'vitest';
import { deviceIds, type DeviceId, type DeviceState, type DeviceStatus } from '../api/index.ts';
import { capabilitiesOf, overallStatus } from './capabilities.ts';

function statuses(overrides: Partial<Record<DeviceId, DeviceState>> = {}): DeviceStatus[] {
  return deviceIds.map((id) => ({ id, state: overrides[id] ?? 'ready', driver: 'simulated', since: '2025-01-01T00:00:00.000Z' }));
}

describe('capabilities', () => {
  it.each<[DeviceState, boolean]>([
    ['ready', true],
    ['busy', true],
    ['degraded', true],
    ['fault', false],
    ['disconnected', false],
  ])('a device that is %s offers its capability: %s', (state, usable) => {
    expect(capabilitiesOf(statuses({ 'id-reader': state })).identify).toBe(usable);
    expect(capabilitiesOf(statuses({ 'a4-printer': state })).printCertificate).toBe(usable);
    expect(capabilitiesOf(statuses({ 'receipt-printer': state })).printReceipt).toBe(usable);
    expect(capabilitiesOf(statuses({ scanner: state })).scan).toBe(usable);
  });

  it('an A4 printer out of paper disables printing certificates and nothing else', () => {
    expect(capabilitiesOf(statuses({ 'a4-printer': 'fault' }))).toEqual({
      identify: true,
      eIdLogin: false,
      printCertificate: false,
      printReceipt: true,
      scan: true,
    });
  });

  it('a plugged-in e-ID verifier identifies through the scanner when the reader is down, and only then with a working scanner', () => {
    const readerDown = statuses({ 'id-reader': 'disconnected' });
    expect(capabilitiesOf(readerDown, { eIdVerifier: true })).toMatchObject({ identify: true, eIdLogin: true });
    expect(overallStatus(readerDown, { eIdVerifier: true })).toBe('degraded');
    expect(capabilitiesOf(readerDown)).toMatchObject({ identify: false, eIdLogin: false });
    expect(capabilitiesOf(statuses({ 'id-reader': 'disconnected', scanner: 'fault' }), { eIdVerifier: true })).toMatchObject({
      identify: false,
      eIdLogin: false,
    });
  });

  it('treats a device missing from the list as unavailable', () => {
    const withoutReader = statuses().filter((status) => status.id !== 'id-reader');
    expect(capabilitiesOf(withoutReader).identify).toBe(false);
    expect(overallStatus(withoutReader)).toBe('out-of-service');
  });
});

describe('overall status', () => {
  it.each<[string, Partial<Record<DeviceId, DeviceState>>, string]>([
    ['all ready', {}, 'ok'],
    ['reader busy reading, printer printing', { 'id-reader': 'busy', 'a4-printer': 'busy' }, 'ok'],
    ['paper low', { 'a4-printer': 'degraded' }, 'degraded'],
    ['A4 paper out', { 'a4-printer': 'fault' }, 'degraded'],
    ['face camera unplugged', { camera: 'disconnected' }, 'degraded'],
    ['document camera unplugged', { 'document-camera': 'disconnected' }, 'degraded'],
    ['reader unplugged', { 'id-reader': 'disconnected' }, 'out-of-service'],
    ['reader faulty and printer out', { 'id-reader': 'fault', 'a4-printer': 'fault' }, 'out-of-service'],
    ['reader degraded still identifies', { 'id-reader': 'degraded' }, 'degraded'],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(overallStatus(statuses(overrides))).toBe(expected);
  });
});
