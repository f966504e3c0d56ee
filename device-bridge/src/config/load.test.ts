import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './json-schema.ts';
import { ConfigError, deepMerge, loadConfig, repoRoot } from './load.ts';

function siteFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tongban-config-')), 'site.json');
  writeFileSync(file, content);
  return file;
}

function startError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('starts from config/default.json with every device simulated on 127.0.0.1:8080', () => {
    const config = loadConfig({});
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(Object.values(config.devices).map((device) => device.driver)).toEqual(Array(6).fill('simulated'));
    expect(config.platform.driver).toBe('embedded');
  });

  it('applies a site override named by KIOSK_CONFIG, keeping the defaults it does not mention', () => {
    const config = loadConfig({ KIOSK_CONFIG: resolve(repoRoot, 'config/examples/village-service-point.json') });
    expect(config.kiosk.helpPhone).toBe('0571-87654321');
    expect(config.session.idleTimeoutSeconds).toBe(180);
    expect(config.session.uiDisconnectGraceSeconds).toBe(10);
    expect(config.devices['id-reader']).toMatchObject({ driver: 'simulated', readMs: 700 });
  });

  it('lets KIOSK_PORT override the port', () => {
    expect(loadConfig({ KIOSK_PORT: '9123' }).server.port).toBe(9123);
  });

  it('refuses a bad value with a message naming the field and what is allowed', () => {
    const message = startError({ KIOSK_CONFIG: siteFile('{"session": {"idleTimeoutSeconds": "soon"}}') });
    expect(message).toContain('session.idleTimeoutSeconds');
    expect(message).toMatch(/number/);
  });

  it('refuses a countdown warning shorter than 20 s (WCAG 2.2.1), naming the field', () => {
    const message = startError({ KIOSK_CONFIG: siteFile('{"session": {"countdownSeconds": 19}}') });
    expect(message).toContain('session.countdownSeconds');
    expect(message).toContain('20');
    expect(loadConfig({ KIOSK_CONFIG: siteFile('{"session": {"countdownSeconds": 20}}') }).session.countdownSeconds).toBe(20);
  });

  it('names the allowed drivers when a device driver is unknown', () => {
    const message = startError({ KIOSK_CONFIG: siteFile('{"devices": {"id-reader": {"driver": "magic"}}}') });
    expect(message).toContain('devices.id-reader.driver');
    expect(message).toContain('simulated');
  });

  it('refuses to listen anywhere but loopback', () => {
    expect(startError({ KIOSK_CONFIG: siteFile('{"server": {"host": "0.0.0.0"}}') })).toContain('server.host');
  });

  it('refuses unknown keys, so a typo does not silently keep a default', () => {
    expect(startError({ KIOSK_CONFIG: siteFile('{"sesion": {}}') })).toContain('sesion');
  });

  it('says which file is not JSON', () => {
    const file = siteFile('{ nope');
    expect(startError({ KIOSK_CONFIG: file })).toContain(file);
  });

  it('refuses a KIOSK_PORT that is not a number', () => {
    expect(startError({ KIOSK_PORT: 'eighty' })).toContain('KIOSK_PORT');
    expect(startError({ KIOSK_PORT: '70000' })).toContain('server.port');
  });
});

describe('deepMerge', () => {
  it('merges objects key by key and lets arrays and scalars replace', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
});

describe('config/kiosk-config.schema.json', () => {
  it('is in step with the zod schema (regenerate with device-bridge/src/config/write-json-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(resolve(repoRoot, 'config/kiosk-config.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });
});
