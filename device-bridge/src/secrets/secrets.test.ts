import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { loadOrCreateKey, secretsDirOf } from './secrets.ts';

describe('secrets location', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-secrets-'));
    dirs.push(dir);
    return dir;
  };

  it('comes from config secrets.dir: by default var/secrets, a relative path under the data directory, an absolute one as it is', () => {
    const config = loadConfig({});
    expect(config.secrets.dir).toBe('secrets');
    expect(secretsDirOf(config, '/srv/kiosk/var')).toBe('/srv/kiosk/var/secrets');
    expect(secretsDirOf({ secrets: { dir: '/etc/tongban/secrets' } }, '/srv/kiosk/var')).toBe('/etc/tongban/secrets');
    const site = join(temp(), 'site.json');
    writeFileSync(site, JSON.stringify({ secrets: { dir: '' } }));
    expect(() => loadConfig({ KIOSK_CONFIG: site })).toThrow(/secrets\.dir/);
  });

  it('makes a key once, readable by the owner only, in the directory it is given, and keeps it', () => {
    const dir = join(temp(), 'keys');
    let draws = 0;
    const random = (n: number) => Buffer.alloc(n, ++draws);
    const key = loadOrCreateKey(dir, 'outbox', random);
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, 'outbox.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(loadOrCreateKey(dir, 'outbox', random)).toEqual(key);
    writeFileSync(join(dir, 'outbox.key'), 'c2hvcnQ=\n');
    expect(() => loadOrCreateKey(dir, 'outbox', random)).toThrow(/damaged/);
    expect(readFileSync(join(dir, 'outbox.key'), 'utf8')).toBe('c2hvcnQ=\n');
  });
});
