// The fleet link against Debian's Mosquitto with per-kiosk users and the shipped ACL: presence with a
// last will (kill -9 shows "offline"), a command sent while the kiosk is down arrives when it
// returns and is answered, forged commands are refused, and a kiosk cannot touch another's topics.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCommand, type FleetCommand } from '../../device-bridge/src/fleet/commands.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { startMosquitto, type RunningBroker } from '../support/mosquitto.ts';
import { repoRoot } from '../support/repo.ts';
import { waitFor } from '../support/wait.ts';

function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

interface Received {
  topic: string;
  body: Record<string, unknown>;
}

async function connectAs(url: string, username: string, password: string): Promise<MqttClient> {
  const client = mqtt.connect(url, { protocolVersion: 5, username, password, clientId: `${username}-${randomUUID()}`, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

describe('MQTT presence and commands', () => {
  let dir: string;
  let broker: RunningBroker;
  let bridge: RunningBridge;
  let operator: MqttClient;
  const received: Received[] = [];
  let config: object;
  let commandKey: Buffer;

  const latest = (topic: string) => [...received].reverse().find((message) => message.topic === topic);
  const command = (fields: Omit<FleetCommand, 'signature' | 'issuedAt' | 'id'>): FleetCommand =>
    signCommand({ id: randomUUID(), issuedAt: new Date().toISOString(), ...fields }, commandKey);
  const send = (message: object) =>
    new Promise<void>((resolve, reject) =>
      operator.publish('kiosk/K1/cmd', JSON.stringify(message), { qos: 1 }, (error) => (error ? reject(error) : resolve())),
    );
  const resultFor = (id: string) =>
    waitFor(
      `the answer to command ${id}`,
      async () => {
        const found = received.find((message) => message.topic === 'kiosk/K1/cmd-result' && message.body.id === id);
        return found ? { value: found.body } : {};
      },
      20_000,
      100,
    );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-mqtt-'));
    broker = await startMosquitto({ operator: 'operator-secret', K1: 'k1-secret', K2: 'k2-secret' });
    await writeFile(path.join(dir, 'k1.password'), 'k1-secret\n');
    config = {
      kiosk: { id: 'K1' },
      fleet: {
        mqtt: { enabled: true, url: broker.url, passwordFile: path.join(dir, 'k1.password'), keepaliveSeconds: 5 },
        restartUiCommand: ['touch', path.join(dir, 'ui-restarted')],
      },
    };
    operator = await connectAs(broker.url, 'operator', 'operator-secret');
    operator.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> }));
    await operator.subscribeAsync('kiosk/#', { qos: 1 });
    bridge = await startBridge({ config, dataDir: path.join(dir, 'data') });
    commandKey = Buffer.from((await readFile(path.join(dir, 'data/secrets/fleet-command.key'), 'utf8')).trim(), 'base64');
  });

  afterAll(async () => {
    await operator?.endAsync();
    await bridge?.stop();
    await broker?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the kiosk online (retained status) with its device health', async () => {
    await waitFor('online status', async () => (latest('kiosk/K1/status')?.body.state === 'online' ? { value: true } : {}), 20_000);
    const health = await waitFor('health', async () => {
      const message = latest('kiosk/K1/health');
      return message ? { value: message.body } : {};
    });
    expect(health).toMatchObject({ devices: expect.arrayContaining([expect.objectContaining({ id: 'a4-printer' })]) });
  });

  it('answers a signed command, refuses a forged one, and runs restart-ui', async () => {
    const ping = command({ command: 'ping' });
    await send(ping);
    expect(await resultFor(ping.id)).toMatchObject({ ok: true, detail: 'pong' });

    const forged = { ...command({ command: 'restart-ui' }), signature: 'ab'.repeat(32) };
    await send(forged);
    expect(await resultFor(forged.id)).toMatchObject({ ok: false, detail: 'rejected: bad signature' });
    expect(existsSync(path.join(dir, 'ui-restarted'))).toBe(false);

    const restart = command({ command: 'restart-ui' });
    await send(restart);
    expect(await resultFor(restart.id)).toMatchObject({ ok: true });
    expect(existsSync(path.join(dir, 'ui-restarted'))).toBe(true);
  });

  it('an operator sends a command with the send-command tool and the key from `doctor fleet-key`', async () => {
    const key = await runNode(['device-bridge/src/doctor/main.ts', 'fleet-key'], { KIOSK_DATA_DIR: path.join(dir, 'data') });
    expect(key.code).toBe(0);
    await writeFile(path.join(dir, 'K1.key'), key.output);
    await writeFile(path.join(dir, 'operator.password'), 'operator-secret\n');
    const sent = await runNode([
      'device-bridge/src/fleet/send-command.ts',
      '--url', broker.url, '--user', 'operator', '--password-file', path.join(dir, 'operator.password'),
      '--kiosk', 'K1', '--key-file', path.join(dir, 'K1.key'), 'self-test', 'receipt-printer',
    ]);
    expect(sent.code, sent.output).toBe(0);
    expect(JSON.parse(sent.output)).toMatchObject({ ok: true, command: 'self-test', detail: 'test ticket printed' });
  });

  it('out-of-service takes every capability away (health, metrics, retained health), in-service gives them back', async () => {
    const off = command({ command: 'out-of-service' });
    await send(off);
    expect(await resultFor(off.id)).toMatchObject({ ok: true });
    const health = (await rawRequest(`${bridge.url}/api/health`)).json() as { status: string; capabilities: Record<string, boolean> };
    expect(health.status).toBe('out-of-service');
    expect(Object.values(health.capabilities).every((offered) => offered === false)).toBe(true);
    expect((await rawRequest(`${bridge.url}/metrics`)).text).toContain('kiosk_out_of_service 1');
    await waitFor('retained health saying so', async () => (latest('kiosk/K1/health')?.body.outOfService === true ? { value: true } : {}));

    const on = command({ command: 'in-service' });
    await send(on);
    expect(await resultFor(on.id)).toMatchObject({ ok: true, detail: 'back in service' });
    expect(((await rawRequest(`${bridge.url}/api/health`)).json() as { status: string }).status).not.toBe('out-of-service');
  });

  it('goes "offline" when the bridge is killed, and gets a command sent meanwhile when it returns', async () => {
    process.kill(bridge.pid, 'SIGKILL');
    await waitFor('offline from the last will', async () => (latest('kiosk/K1/status')?.body.state === 'offline' ? { value: true } : {}), 20_000);
    await bridge.stop();

    const whileDown = command({ command: 'self-test', device: 'a4-printer' });
    await send(whileDown);

    bridge = await startBridge({ config, dataDir: path.join(dir, 'data') });
    const answer = await resultFor(whileDown.id);
    expect(answer).toMatchObject({ ok: true, command: 'self-test', detail: 'test page printed' });
    await waitFor('online again', async () => (latest('kiosk/K1/status')?.body.state === 'online' ? { value: true } : {}), 20_000);
  });

  it('reload-config checks the site file, answers, then restarts the bridge (it says "offline" on the way out)', async () => {
    const reload = command({ command: 'reload-config' });
    await send(reload);
    expect(await resultFor(reload.id)).toMatchObject({ ok: true, detail: 'configuration valid; the bridge restarts to apply it' });
    await waitFor('offline from the clean stop', async () => (latest('kiosk/K1/status')?.body.state === 'offline' ? { value: true } : {}), 20_000);
  });

  it('a kiosk cannot publish to another kiosk’s topics', async () => {
    const k1 = await connectAs(broker.url, 'K1', 'k1-secret');
    try {
      const refused = await new Promise<Error | null>((resolve) =>
        k1.publish('kiosk/K2/status', JSON.stringify({ state: 'offline' }), { qos: 1, retain: true }, (error) => resolve(error ?? null)),
      );
      expect(refused?.message ?? '').toMatch(/not authorized|135/i);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.filter((message) => message.topic.startsWith('kiosk/K2/'))).toEqual([]);
    } finally {
      await k1.endAsync();
    }
  });
});
