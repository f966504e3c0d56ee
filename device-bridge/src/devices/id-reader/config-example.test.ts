import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from '../../config/load.ts';

describe('config/examples/hardware-reader-scanner.json', () => {
  it('is a valid site file for a SAM reader and a USB-CDC scanner on the udev names', () => {
    const config = loadConfig({ KIOSK_CONFIG: resolve(repoRoot, 'config/examples/hardware-reader-scanner.json') });
    expect(config.devices['id-reader']).toMatchObject({
      driver: 'sam-serial',
      path: '/dev/tongban/id-reader',
      pollIntervalMs: 250,
      readAppendedAddress: true,
    });
    expect(config.devices.scanner).toMatchObject({ driver: 'serial', path: '/dev/tongban/scanner', suffix: 'cr', baudRate: 9600 });
  });

  it('stops start with a message naming the field when a baud rate is not one a SAM supports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-config-'));
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ devices: { 'id-reader': { driver: 'sam-serial', path: '/dev/x', baudRate: 12345 } } }));
    try {
      expect(() => loadConfig({ KIOSK_CONFIG: file })).toThrow(/baudRate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
