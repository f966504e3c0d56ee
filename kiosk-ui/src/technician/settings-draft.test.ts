import { describe, expect, it } from 'vitest';
import { draftFrom, overrideFrom } from './settings-draft.ts';

describe('technician settings draft', () => {
  const effective = {
    kiosk: { id: 'K1', siteName: '旧站', helpPhone: '12345' },
    session: { idleTimeoutSeconds: 120 },
    devices: { 'id-reader': { driver: 'sam-serial', path: '/dev/ttyUSB0' }, scanner: { driver: 'simulated' } },
  };

  it('offers the text fields and a port only for devices that have one', () => {
    expect(draftFrom(effective)).toEqual({
      'kiosk.siteName': '旧站',
      'kiosk.helpPhone': '12345',
      'session.idleTimeoutSeconds': '120',
      'devices.id-reader.path': '/dev/ttyUSB0',
    });
  });

  it('sets the edited values into the site file, numbers as numbers, and keeps the rest', () => {
    const site = { kiosk: { id: 'K1' }, platform: { driver: 'embedded' } };
    const override = overrideFrom(site, { 'kiosk.siteName': '新站', 'session.idleTimeoutSeconds': '90', 'devices.id-reader.path': '/dev/ttyUSB1' });
    expect(override).toEqual({
      kiosk: { id: 'K1', siteName: '新站' },
      platform: { driver: 'embedded' },
      session: { idleTimeoutSeconds: 90 },
      devices: { 'id-reader': { path: '/dev/ttyUSB1' } },
    });
    expect(site).toEqual({ kiosk: { id: 'K1' }, platform: { driver: 'embedded' } });
  });
});
