import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { MqttClient } from 'mqtt';
import type { DeviceId } from '../api/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { EventLogger } from '../log/logger.ts';
import type { AuditLog } from '../technician/audit-log.ts';
import type { Clock } from '../time/clock.ts';
import { fleetCommandSchema, kioskTopics, signatureValid, type FleetCommand, type FleetCommandResult } from './commands.ts';
import type { FleetConfig } from './fleet-config.ts';

export interface FleetHandlers {
  /** the kiosk's health summary, published retained on every device change */
  health(): unknown;
  selfTest(device: DeviceId): Promise<{ ok: boolean; detail: string }>;
  /** validates the config on disk; when valid, the answer is sent first, then `apply` runs */
  reloadConfig(): { ok: boolean; detail: string; apply?: () => void };
  restartUi(): Promise<{ ok: boolean; detail: string }>;
  /** operator takes the kiosk out of service (true) or back (false) */
  setOutOfService(outOfService: boolean): { ok: boolean; detail: string };
}

export interface FleetClientOptions {
  mqtt: FleetConfig['mqtt'];
  kioskId: string;
  version: string;
  dataDir: string;
  commandKey: Buffer;
  clock: Clock;
  bus: EventBus;
  audit: AuditLog;
  logger: EventLogger;
  handlers: FleetHandlers;
  onCommand?: (command: string, outcome: 'ok' | 'failed' | 'rejected') => void;
}

export interface FleetClient {
  start(): Promise<void>;
  /** publishes the retained health summary now */
  publishHealth(): Promise<void>;
  /** publishes "offline" (retained) and disconnects cleanly */
  stop(): Promise<void>;
}

/**
 * The kiosk's MQTT link: retained `status` online/offline with a last will (the broker announces
 * "offline" the moment the connection dies, kill -9 included), retained `health`, and commands on a
 * QoS 1 persistent session (clean: false + session expiry), so a command sent while the kiosk was
 * down is delivered when it returns. Every command is checked (schema, HMAC, not a replay), executed
 * once, audited and answered on `cmd-result`.
 */
export function createFleetClient(options: FleetClientOptions): FleetClient {
  const { mqtt: settings, kioskId, clock, audit, logger, handlers } = options;
  const topics = kioskTopics(kioskId);
  let client: MqttClient | null = null;
  let unsubscribe: (() => void) | null = null;

  const statusPayload = (state: 'online' | 'offline') =>
    JSON.stringify({ state, kiosk: kioskId, version: options.version, at: clock.now().toISOString() });

  const readSecret = (file: string) => readFileSync(isAbsolute(file) ? file : join(options.dataDir, file), 'utf8').trim();

  const publish = (topic: string, payload: string, retain: boolean) =>
    new Promise<void>((resolve) => {
      if (!client) {
        resolve();
        return;
      }
      client.publish(topic, payload, { qos: 1, retain }, (error) => {
        if (error) logger.log('fleet-publish-failed', { topic, message: error.message });
        resolve();
      });
    });

  const answered = (id: string): string | null => {
    const entry = audit.recent(1000).find((candidate) => candidate.actor === 'fleet' && candidate.detail?.startsWith(`id=${id} `));
    return entry ? entry.detail : null;
  };

  async function execute(command: FleetCommand): Promise<{ ok: boolean; detail: string; after?: () => void }> {
    switch (command.command) {
      case 'ping':
        return { ok: true, detail: 'pong' };
      case 'self-test':
        if (!command.device) return { ok: false, detail: 'self-test needs "device"' };
        return handlers.selfTest(command.device);
      case 'reload-config': {
        const result = handlers.reloadConfig();
        return { ok: result.ok, detail: result.detail, after: result.apply };
      }
      case 'restart-ui':
        return handlers.restartUi();
      case 'out-of-service':
        return handlers.setOutOfService(true);
      case 'in-service':
        return handlers.setOutOfService(false);
    }
  }

  async function onCommand(payload: Buffer): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      raw = null;
    }
    const parsed = fleetCommandSchema.safeParse(raw);
    if (!parsed.success) {
      audit.record({ actor: 'fleet', action: 'command', outcome: 'rejected', detail: 'malformed command' });
      logger.log('fleet-command', { outcome: 'rejected', why: 'malformed' });
      options.onCommand?.('unknown', 'rejected');
      return;
    }
    const command = parsed.data;
    const answer = async (ok: boolean, detail: string) => {
      const result: FleetCommandResult = { id: command.id, command: command.command, ok, detail, at: clock.now().toISOString() };
      await publish(topics.result, JSON.stringify(result), false);
    };
    if (!signatureValid(command, options.commandKey)) {
      audit.record({ actor: 'fleet', action: command.command, outcome: 'rejected', detail: `id=${command.id} bad signature` });
      logger.log('fleet-command', { command: command.command, outcome: 'rejected', why: 'signature' });
      options.onCommand?.(command.command, 'rejected');
      await answer(false, 'rejected: bad signature');
      return;
    }
    const earlier = answered(command.id);
    if (earlier !== null) {
      // QoS 1 redelivery: answer again, do not run again
      await answer(!earlier.includes(' failed'), `already handled (${earlier})`);
      return;
    }
    let result: { ok: boolean; detail: string; after?: () => void };
    try {
      result = await execute(command);
    } catch (error) {
      result = { ok: false, detail: `error: ${(error as Error).message}` };
    }
    audit.record({
      actor: 'fleet',
      action: command.command + (command.device ? ` ${command.device}` : ''),
      outcome: result.ok ? 'ok' : 'failed',
      detail: `id=${command.id} ${result.ok ? 'ok' : 'failed'}: ${result.detail}`.slice(0, 500),
    });
    logger.log('fleet-command', { command: command.command, outcome: result.ok ? 'ok' : 'failed' });
    options.onCommand?.(command.command, result.ok ? 'ok' : 'failed');
    await answer(result.ok, result.detail);
    result.after?.();
  }

  return {
    async start() {
      const { connect } = await import('mqtt');
      client = connect(settings.url, {
        protocolVersion: 5,
        clientId: `tongban-${kioskId}`,
        clean: false,
        properties: { sessionExpiryInterval: settings.sessionExpirySeconds },
        username: kioskId,
        password: readSecret(settings.passwordFile),
        keepalive: settings.keepaliveSeconds,
        reconnectPeriod: 2_000,
        connectTimeout: 10_000,
        ...(settings.caFile ? { ca: readFileSync(settings.caFile) } : {}),
        will: { topic: topics.status, payload: Buffer.from(statusPayload('offline')), qos: 1, retain: true },
      });
      client.on('connect', (connack) => {
        logger.log('fleet-connected', { sessionPresent: connack.sessionPresent });
        void publish(topics.status, statusPayload('online'), true);
        void publish(topics.health, JSON.stringify(handlers.health()), true);
        if (!connack.sessionPresent) client?.subscribe(topics.command, { qos: 1 });
      });
      client.on('close', () => logger.log('fleet-disconnected'));
      client.on('error', (error) => logger.log('fleet-disconnected', { message: error.message }));
      client.on('message', (topic, payload) => {
        if (topic === topics.command) void onCommand(payload);
      });
      unsubscribe = options.bus.subscribe((event) => {
        if (event.type === 'device') void publish(topics.health, JSON.stringify(handlers.health()), true);
      });
    },
    publishHealth: () => publish(topics.health, JSON.stringify(handlers.health()), true),
    async stop() {
      unsubscribe?.();
      if (!client) return;
      const current = client;
      if (current.connected) await publish(topics.status, statusPayload('offline'), true);
      await new Promise<void>((resolve) => current.end(false, {}, () => resolve()));
      client = null;
    },
  };
}
