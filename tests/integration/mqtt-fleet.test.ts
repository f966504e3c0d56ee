// The fleet link against Debian's Mosquitto with per-kiosk users and the shipped ACL: presence with a
// last will (kill -9 shows "offline"), a command sent while the kiosk is down arrives when it
// returns and is answered, forged commands are refused, and a kiosk cannot touch another's topics.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCommand, type FleetCommand } from '../../device-bridge/src/fleet/commands.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { runDoctor } from '../support/doctor.ts';
import { rawRequest } from '../support/http.ts';
import { startMosquitto, type RunningBroker } from '../support/mosquitto.ts';
import { repoRoot } from '../support/repo.ts';
import { waitFor } from '../support/wait.ts';

function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
  /** the first answer to a command id (or its first answer with that outcome: a deferred command has two) */
  const resultFor = (id: string, outcome?: string) =>
    waitFor(
      `the ${outcome ?? ''} answer to command ${id}`,
      async () => {
        const found = received.find(
          (message) =>
            message.topic === 'kiosk/K1/cmd-result' &&
            message.body.id === id &&
            (outcome === undefined || message.body.outcome === outcome),
        );
        return found ? { value: found.body } : {};
      },
      20_000,
      100,
    );
  const answersTo = (id: string) => received.filter((message) => message.topic === 'kiosk/K1/cmd-result' && message.body.id === id);
  const uiRestarts = () =>
    existsSync(path.join(dir, 'ui-restarted'))
      ? readFileSync(path.join(dir, 'ui-restarted'), 'utf8').split('\n').filter(Boolean).length
      : 0;
  const selfTestPages = () =>
    existsSync(path.join(dir, 'data/print-out'))
      ? readdirSync(path.join(dir, 'data/print-out')).filter((file) => file.startsWith('selftest-')).length
      : 0;
  const openSession = async () => {
    const fixtures = (await rawRequest(`${bridge.url}/api/sim/fixtures`)).json() as Array<{ id: string }>;
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'POST', body: { fixture: fixtures[0]!.id } });
    await waitFor(
      'a citizen session',
      async () => ((await rawRequest(`${bridge.url}/api/session`)).status === 200 ? { value: true } : {}),
      10_000,
      100,
    );
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'DELETE' });
  };
  const endSession = async () => {
    expect((await rawRequest(`${bridge.url}/api/session`, { method: 'DELETE', body: {} })).status).toBe(204);
  };
  /** a message published the way a broken console or an attacker with broker access would */
  const sendRaw = (payload: string) =>
    new Promise<void>((resolve, reject) =>
      operator.publish('kiosk/K1/cmd', payload, { qos: 1 }, (error) => (error ? reject(error) : resolve())),
    );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-mqtt-'));
    broker = await startMosquitto({ operator: 'operator-secret', K1: 'k1-secret', K2: 'k2-secret' });
    await writeFile(path.join(dir, 'k1.password'), 'k1-secret\n');
    config = {
      kiosk: { id: 'K1' },
      fleet: {
        mqtt: { enabled: true, url: broker.url, passwordFile: path.join(dir, 'k1.password'), keepaliveSeconds: 5 },
        // one line per restart, so a command run twice shows
        restartUiCommand: ['sh', '-c', `echo restarted >> ${path.join(dir, 'ui-restarted')}`],
      },
    };
    operator = await connectAs(broker.url, 'operator', 'operator-secret');
    operator.on('message', (topic, payload) => {
      // the operator also sees the commands on kiosk/+/cmd, including the malformed ones a test sends
      try {
        received.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> });
      } catch {
        received.push({ topic, body: { unparsable: payload.toString() } });
      }
    });
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
    const key = await runDoctor(['fleet-key'], { KIOSK_DATA_DIR: path.join(dir, 'data') });
    expect(key.code).toBe(0);
    await writeFile(path.join(dir, 'K1.key'), key.output);
    await writeFile(path.join(dir, 'operator.password'), 'operator-secret\n');
    const sent = await runNode([
      'device-bridge/src/fleet/send-command.ts',
      '--url',
      broker.url,
      '--user',
      'operator',
      '--password-file',
      path.join(dir, 'operator.password'),
      '--kiosk',
      'K1',
      '--key-file',
      path.join(dir, 'K1.key'),
      'self-test',
      'receipt-printer',
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

  it('a redelivered command is answered again from the audit log and never run twice', async () => {
    const before = uiRestarts();
    const restart = command({ command: 'restart-ui' });
    await send(restart);
    expect(await resultFor(restart.id)).toMatchObject({ ok: true, outcome: 'ok' });
    // the same message again, as QoS 1 redelivers it after a lost PUBACK
    await send(restart);
    await waitFor('the second answer', async () => (answersTo(restart.id).length >= 2 ? { value: true } : {}), 20_000, 100);
    expect(answersTo(restart.id)[1]!.body).toMatchObject({ ok: true, outcome: 'ok', detail: expect.stringContaining('already handled') });
    expect(uiRestarts()).toBe(before + 1);
  });

  it('refuses malformed payloads without running anything, and keeps answering', async () => {
    const before = uiRestarts();
    const valid = command({ command: 'restart-ui' });
    for (const payload of [
      'not json at all',
      '{}',
      JSON.stringify({ ...valid, extra: 'field' }),
      JSON.stringify({ ...valid, command: 'rm -rf' }),
      JSON.stringify({ ...valid, id: 'x' }),
      JSON.stringify({ ...valid, issuedAt: 'yesterday' }),
      JSON.stringify([valid]),
    ]) {
      await sendRaw(payload);
    }
    const ping = command({ command: 'ping' });
    await send(ping);
    expect(await resultFor(ping.id)).toMatchObject({ ok: true, detail: 'pong' });
    expect(uiRestarts()).toBe(before);
    expect(answersTo(valid.id)).toEqual([]);
    expect((await rawRequest(`${bridge.url}/metrics`)).text).toMatch(
      /kiosk_fleet_commands_total\{command="unknown",outcome="rejected"\} 7/,
    );
  });

  it('refuses a command issued too long ago (or in the future) without running it', async () => {
    const before = uiRestarts();
    const stale = signCommand(
      { id: randomUUID(), command: 'restart-ui', issuedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
      commandKey,
    );
    await send(stale);
    expect(await resultFor(stale.id)).toMatchObject({
      ok: false,
      outcome: 'rejected',
      detail: expect.stringContaining('older than the 86400 s limit'),
    });
    const future = signCommand(
      { id: randomUUID(), command: 'restart-ui', issuedAt: new Date(Date.now() + 3_600_000).toISOString() },
      commandKey,
    );
    await send(future);
    expect(await resultFor(future.id)).toMatchObject({ ok: false, outcome: 'rejected', detail: expect.stringContaining('future') });
    expect(uiRestarts()).toBe(before);
  });

  it('defers a restart and a test print while a citizen is served, and runs them when the session ends', async () => {
    await openSession();
    const restartsBefore = uiRestarts();
    const pagesBefore = selfTestPages();
    const restart = command({ command: 'restart-ui' });
    const testPage = command({ command: 'self-test', device: 'a4-printer' });
    await send(restart);
    await send(testPage);
    expect(await resultFor(restart.id)).toMatchObject({ ok: false, outcome: 'deferred', detail: expect.stringContaining('citizen') });
    expect(await resultFor(testPage.id)).toMatchObject({ outcome: 'deferred' });
    // harmless commands still answer at once
    const ping = command({ command: 'ping' });
    await send(ping);
    expect(await resultFor(ping.id)).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(uiRestarts()).toBe(restartsBefore);
    expect(selfTestPages()).toBe(pagesBefore);
    expect((await rawRequest(`${bridge.url}/api/session`)).status).toBe(200);

    await endSession();
    expect(await resultFor(restart.id, 'ok')).toMatchObject({ ok: true });
    expect(await resultFor(testPage.id, 'ok')).toMatchObject({ ok: true, detail: 'test page printed' });
    expect(uiRestarts()).toBe(restartsBefore + 1);
    expect(selfTestPages()).toBe(pagesBefore + 1);
  });

  it('a deferred command survives a bridge restart and runs on the next start', async () => {
    await openSession();
    const ticket = command({ command: 'self-test', device: 'receipt-printer' });
    await send(ticket);
    expect(await resultFor(ticket.id)).toMatchObject({ outcome: 'deferred' });
    // a clean stop ends the session ("shutdown"): that must not run it on the way out
    await bridge.stop();
    expect(answersTo(ticket.id)).toHaveLength(1);
    bridge = await startBridge({ config, dataDir: path.join(dir, 'data') });
    expect(await resultFor(ticket.id, 'ok')).toMatchObject({ ok: true, detail: 'test ticket printed' });
  });

  it('a remote card test ends the session the test card opened', async () => {
    const cardTest = command({ command: 'self-test', device: 'id-reader' });
    await send(cardTest);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fixtures = (await rawRequest(`${bridge.url}/api/sim/fixtures`)).json() as Array<{ id: string }>;
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'POST', body: { fixture: fixtures[0]!.id } });
    expect(await resultFor(cardTest.id)).toMatchObject({ ok: true, detail: expect.stringContaining('card read') });
    await rawRequest(`${bridge.url}/api/sim/id-reader/card`, { method: 'DELETE' });
    expect((await rawRequest(`${bridge.url}/api/session`)).status).toBe(404);
  });

  it('goes "offline" when the bridge is killed, and gets a command sent meanwhile when it returns', async () => {
    process.kill(bridge.pid, 'SIGKILL');
    await waitFor(
      'offline from the last will',
      async () => (latest('kiosk/K1/status')?.body.state === 'offline' ? { value: true } : {}),
      20_000,
    );
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
    await waitFor(
      'offline from the clean stop',
      async () => (latest('kiosk/K1/status')?.body.state === 'offline' ? { value: true } : {}),
      20_000,
    );
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
