import { describe, expect, it } from 'vitest';
import { deviceFields, draftFrom, overrideFrom, toggleLanguage } from './settings-draft.ts';

describe('technician settings draft', () => {
  const effective = {
    kiosk: { id: 'K1', siteName: '旧站', helpPhone: '12345' },
    session: { idleTimeoutSeconds: 120, countdownSeconds: 20 },
    technician: { inactivityTimeoutSeconds: 300 },
    fleet: { mqtt: { enabled: false, url: 'mqtts://mqtt.example.gov.cn:8883' } },
    devices: {
      'id-reader': { driver: 'sam-serial', path: '/dev/ttyUSB0', baudRate: 115200 },
      scanner: { driver: 'simulated' },
      'a4-printer': { driver: 'cups', queue: 'Kiosk_A4' },
    },
  };

  it('offers the fixed fields, and per device only the port, baud rate and queue it has', () => {
    expect(draftFrom(effective, ['zh-CN', 'en'])).toEqual({
      'kiosk.siteName': '旧站',
      'kiosk.helpPhone': '12345',
      'session.idleTimeoutSeconds': '120',
      'session.countdownSeconds': '20',
      'technician.inactivityTimeoutSeconds': '300',
      // no kiosk.languages in the config: every language the UI has is offered
      'kiosk.languages': 'zh-CN,en',
      'fleet.mqtt.enabled': 'false',
      'fleet.mqtt.url': 'mqtts://mqtt.example.gov.cn:8883',
      'devices.id-reader.path': '/dev/ttyUSB0',
      'devices.id-reader.baudRate': '115200',
      'devices.a4-printer.queue': 'Kiosk_A4',
    });
    expect(deviceFields(effective).map(({ field, kind }) => `${field}:${kind}`)).toEqual([
      'devices.id-reader.path:port',
      'devices.id-reader.baudRate:baud',
      'devices.a4-printer.queue:cups-queue',
    ]);
  });

  it('sets the edited values into the site file with their types, and keeps the rest', () => {
    const site = { kiosk: { id: 'K1' }, platform: { driver: 'embedded' } };
    const override = overrideFrom(site, {
      'kiosk.siteName': '新站',
      'session.idleTimeoutSeconds': '90',
      'devices.id-reader.path': '/dev/ttyUSB1',
      'devices.id-reader.baudRate': '9600',
      'kiosk.languages': 'zh-CN',
      'fleet.mqtt.enabled': 'true',
    });
    expect(override).toEqual({
      kiosk: { id: 'K1', siteName: '新站', languages: ['zh-CN'] },
      platform: { driver: 'embedded' },
      session: { idleTimeoutSeconds: 90 },
      devices: { 'id-reader': { path: '/dev/ttyUSB1', baudRate: 9600 } },
      fleet: { mqtt: { enabled: true } },
    });
    expect(site).toEqual({ kiosk: { id: 'K1' }, platform: { driver: 'embedded' } });
  });

  it('writes only what the technician changed, so untouched settings keep following the defaults', () => {
    const baseline = draftFrom(effective, ['zh-CN', 'en']);
    const draft = { ...baseline, 'session.countdownSeconds': '30' };
    expect(overrideFrom({}, draft, baseline)).toEqual({ session: { countdownSeconds: 30 } });
  });

  it('toggles languages but never the start language', () => {
    expect(toggleLanguage('zh-CN,en', 'en')).toBe('zh-CN');
    expect(toggleLanguage('zh-CN', 'ug')).toBe('zh-CN,ug');
    expect(toggleLanguage('zh-CN,en', 'zh-CN')).toBe('zh-CN,en');
  });
});
