// The shipped central broker config (config/monitoring/mosquitto/mosquitto.conf + acl) run for real
// with Debian's Mosquitto: TLS only, no anonymous access, per-kiosk users. The bridge joins it over
// mqtts:// with the CA file from its config and shows up online; plain MQTT and anonymous clients
// are turned away. The copy differs only in port, file paths and the test's own certificate.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCommand } from '../../device-bridge/src/fleet/commands.ts';
import { freeLoopbackPort, startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { repoRoot } from '../support/repo.ts';
import { adaptedShippedFile } from '../support/shipped-config.ts';
import { makeTestCertificate, type TestCertificate } from '../support/tls.ts';
import { waitFor } from '../support/wait.ts';
import { waitForListening } from '../support/wait-for-listening.ts';

const run = promisify(execFile);

describe('the shipped Mosquitto config, for real', () => {
  let dir: string;
  let port: number;
  let certificate: TestCertificate;
  let broker: ChildProcess;
  let brokerLog = '';
  let bridge: RunningBridge;
  let operator: MqttClient;
  const received: Array<{ topic: string; body: Record<string, unknown> }> = [];

  const connect = (url: string, options: mqtt.IClientOptions) =>
    new Promise<MqttClient>((resolve, reject) => {
      const client = mqtt.connect(url, {
        protocolVersion: 5,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
        clientId: `test-${randomUUID()}`,
        ...options,
      });
      client.once('connect', () => resolve(client));
      client.once('error', (error) => {
        client.end(true);
        reject(error);
      });
      client.once('close', () => reject(new Error('closed before CONNACK')));
    });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-shipped-broker-'));
    // mosquitto started as root drops to user "mosquitto": its files must be readable, its store writable
    await chmod(dir, 0o755);
    certificate = await makeTestCertificate(dir, ['mqtt.example.gov.cn']);
    const passwords = path.join(dir, 'tongban.passwd');
    await writeFile(passwords, '');
    await run('mosquitto_passwd', ['-b', passwords, 'operator', 'operator-secret']);
    await run('mosquitto_passwd', ['-b', passwords, 'TB-TLS-0001', 'kiosk-secret']);
    await chmod(passwords, 0o644);
    // the ACL exactly as shipped
    await writeFile(path.join(dir, 'tongban.acl'), await readFile(path.join(repoRoot, 'config/monitoring/mosquitto/acl'), 'utf8'));
    const store = path.join(dir, 'store');
    await mkdir(store, { mode: 0o777 });
    await chmod(store, 0o777);
    port = await freeLoopbackPort();
    await writeFile(
      path.join(dir, 'mosquitto.conf'),
      adaptedShippedFile('config/monitoring/mosquitto/mosquitto.conf', [
        ['listener 8883', `listener ${port} 127.0.0.1`],
        ['/etc/mosquitto/tls/server.crt', certificate.certFile],
        ['/etc/mosquitto/tls/server.key', certificate.keyFile],
        ['/etc/mosquitto/tls/ca.pem', certificate.certFile],
        ['/etc/mosquitto/tongban.passwd', passwords],
        ['/etc/mosquitto/tongban.acl', path.join(dir, 'tongban.acl')],
        ['/var/lib/mosquitto/', `${store}/`],
      ]) + 'log_dest stderr\n',
    );
    broker = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    broker.stderr?.setEncoding('utf8').on('data', (chunk: string) => (brokerLog = (brokerLog + chunk).slice(-20_000)));
    await waitForListening('the shipped broker to listen', broker, port, () => brokerLog);
    operator = await connect(`mqtts://127.0.0.1:${port}`, { username: 'operator', password: 'operator-secret', ca: certificate.pem });
    operator.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> }));
    await operator.subscribeAsync('kiosk/+/status', { qos: 1 });
    await operator.subscribeAsync('kiosk/+/cmd-result', { qos: 1 });

    await writeFile(path.join(dir, 'kiosk.password'), 'kiosk-secret\n');
    bridge = await startBridge({
      config: {
        kiosk: { id: 'TB-TLS-0001' },
        fleet: {
          mqtt: {
            enabled: true,
            url: `mqtts://127.0.0.1:${port}`,
            passwordFile: path.join(dir, 'kiosk.password'),
            caFile: certificate.certFile,
            keepaliveSeconds: 5,
          },
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await operator?.endAsync();
    await bridge?.stop();
    if (broker && broker.exitCode === null) {
      broker.kill('SIGTERM');
      await new Promise((resolve) => broker.once('exit', resolve));
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the bridge joins over TLS with the CA from its config and is announced online, and answers a command', async () => {
    await waitFor(
      'online over TLS',
      async () =>
        received.some((message) => message.topic === 'kiosk/TB-TLS-0001/status' && message.body.state === 'online')
          ? { value: true }
          : { note: brokerLog.slice(-300) },
      20_000,
      100,
    );
    const key = Buffer.from((await readFile(path.join(bridge.dataDir, 'secrets/fleet-command.key'), 'utf8')).trim(), 'base64');
    const ping = signCommand({ id: randomUUID(), command: 'ping', issuedAt: new Date().toISOString() }, key);
    await operator.publishAsync('kiosk/TB-TLS-0001/cmd', JSON.stringify(ping), { qos: 1 });
    const answer = await waitFor(
      'the answer',
      async () => {
        const found = received.find((message) => message.topic === 'kiosk/TB-TLS-0001/cmd-result' && message.body.id === ping.id);
        return found ? { value: found.body } : {};
      },
      20_000,
      100,
    );
    expect(answer).toMatchObject({ ok: true, detail: 'pong' });
  });

  it('turns away plain MQTT, anonymous clients and wrong passwords', async () => {
    await expect(connect(`mqtt://127.0.0.1:${port}`, { username: 'operator', password: 'operator-secret' })).rejects.toThrow();
    await expect(connect(`mqtts://127.0.0.1:${port}`, { ca: certificate.pem })).rejects.toThrow(
      /Not authorized|Bad User Name or Password|135|134/i,
    );
    await expect(connect(`mqtts://127.0.0.1:${port}`, { username: 'TB-TLS-0001', password: 'guess', ca: certificate.pem })).rejects.toThrow(
      /Not authorized|Bad User Name or Password|135|134/i,
    );
  });
});
