// The kiosk's keys live where config secrets.dir says (e.g. a separate, root-owned mount), not
// under the data directory: a bridge started with its own secrets directory makes every key there.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';

describe('config secrets.dir', () => {
  let bridge: RunningBridge;
  let secrets: string;
  beforeAll(async () => {
    secrets = path.join(await mkdtemp(path.join(os.tmpdir(), 'tongban-secrets-dir-')), 'keys');
    bridge = await startBridge({ config: { secrets: { dir: secrets } } });
  });
  afterAll(async () => {
    await bridge?.stop();
    if (secrets) await rm(path.dirname(secrets), { recursive: true, force: true });
  });

  it('holds every key and secret the bridge makes, owner-only, and the data directory holds none', () => {
    const made = readdirSync(secrets).sort();
    for (const key of [
      'outbox.key',
      'spool.key',
      'certificate-hmac.key',
      'certificate-ed25519.key',
      'technician-pepper.key',
      'platform-data.key',
    ]) {
      expect(made, key).toContain(key);
      expect(statSync(path.join(secrets, key)).mode & 0o777, key).toBe(0o600);
    }
    expect(made).toContain('certificate-ed25519.pub.pem');
    // the simulated kiosk's staff code hash and the doctor's per-start token live there too
    for (const secret of ['staff-code.json', 'doctor.token']) {
      expect(made, secret).toContain(secret);
      expect(statSync(path.join(secrets, secret)).mode & 0o777, secret).toBe(0o600);
    }
    const underData = path.join(bridge.dataDir, 'secrets');
    expect(existsSync(underData) ? readdirSync(underData) : []).toEqual([]);
  });
});
