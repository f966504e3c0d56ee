import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { MqttClient } from 'mqtt';
import type { DeviceId } from '../api/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { EventLogger } from '../log/logger.ts';
import type { AuditLog } from '../technician/audit-log.ts';
import type { Clock } from '../time/clock.ts';
import {
  disruptiveCommands,
  fleetCommandSchema,
  kioskTopics,
  signatureValid,
  type FleetCommand,
  type FleetCommandOutcome,
  type FleetCommandResult,
} from './commands.ts';
import { createDeferredCommands } from './deferred-commands.ts';
import type { FleetConfig } from './fleet-config.ts';

/** clocks of operator console and kiosk may differ a little; more than this is refused as a bad issuedAt */
const allowedClockSkewMs = 5 * 60_000;

export interface FleetHandlers {
  /** the kiosk's health summary, published retained on every device change */
  health(): unknown;
  /** a citizen is being served: disruptive commands wait for the session's end */
  busy(): boolean;
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
  /** commands issued longer ago are refused (config fleet.commandMaxAgeSeconds) */
  commandMaxAgeSeconds: number;
  onCommand?: (command: string, outcome: FleetCommandOutcome) => void;
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
 * down is delivered when it returns. Every command is checked (schema, HMAC, age, not a replay),
 * executed once, audited and answered on `cmd-result`. A command that would disturb a citizen
 * (restart, test print, card test) is answered "deferred" while a session is open and runs when it
 * ends; deferred commands are kept on disk until they ran.
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

  const deferred = createDeferredCommands(options.dataDir);

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

  const answer = async (command: FleetCommand, outcome: FleetCommandOutcome, detail: string) => {
    const result: FleetCommandResult = {
      id: command.id,
      command: command.command,
      ok: outcome === 'ok',
      outcome,
      detail,
      at: clock.now().toISOString(),
    };
    await publish(topics.result, JSON.stringify(result), false);
  };

  const record = (command: FleetCommand, outcome: FleetCommandOutcome, detail: string) => {
    audit.record({
      actor: 'fleet',
      action: command.command + (command.device ? ` ${command.device}` : ''),
      outcome,
      detail: `id=${command.id} ${outcome}: ${detail}`.slice(0, 500),
    });
    logger.log('fleet-command', { command: command.command, outcome });
    options.onCommand?.(command.command, outcome);
  };

  /** why a signed command is refused by its issuedAt, or null when it is recent enough */
  const staleness = (command: FleetCommand): string | null => {
    const ageMs = clock.now().getTime() - new Date(command.issuedAt).getTime();
    if (ageMs > options.commandMaxAgeSeconds * 1000) {
      return `rejected: issued ${Math.round(ageMs / 3_600_000)} h ago, older than the ${options.commandMaxAgeSeconds} s limit`;
    }
    if (ageMs < -allowedClockSkewMs) return 'rejected: issuedAt is in the future (check the console clock)';
    return null;
  };

  async function run(command: FleetCommand): Promise<void> {
    let result: { ok: boolean; detail: string; after?: () => void };
    try {
      result = await execute(command);
    } catch (error) {
      result = { ok: false, detail: `error: ${(error as Error).message}` };
    }
    record(command, result.ok ? 'ok' : 'failed', result.detail);
    await answer(command, result.ok ? 'ok' : 'failed', result.detail);
    // off the waiting list only once its outcome is in the audit log (a crash in between re-runs nothing:
    // the id is then found there)
    deferred.remove(command.id);
    result.after?.();
  }

  // deferred commands run one after another, never two flushes at once
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(async () => {
      for (const command of deferred.list()) {
        if (handlers.busy()) return;
        const earlier = audit.fleetAnswer(command.id);
        if (earlier && earlier.outcome !== 'deferred') {
          deferred.remove(command.id);
          continue;
        }
        await run(command);
      }
    });
    return flushing;
  };

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
    if (!signatureValid(command, options.commandKey)) {
      // not recorded under the id: a forged message must not block the real command with that id
      audit.record({ actor: 'fleet', action: command.command, outcome: 'rejected', detail: `bad signature (claimed id ${command.id})` });
      logger.log('fleet-command', { command: command.command, outcome: 'rejected', why: 'signature' });
      options.onCommand?.(command.command, 'rejected');
      await answer(command, 'rejected', 'rejected: bad signature');
      return;
    }
    const earlier = audit.fleetAnswer(command.id);
    if (earlier !== null) {
      // QoS 1 redelivery (or an operator sending the same message twice): answer again, never run again
      const outcome = earlier.outcome as FleetCommandOutcome;
      await answer(command, outcome, `already handled (${earlier.detail})`);
      return;
    }
    const stale = staleness(command);
    if (stale !== null) {
      record(command, 'rejected', stale);
      await answer(command, 'rejected', stale);
      return;
    }
    if (disruptiveCommands.has(command.command) && handlers.busy()) {
      deferred.add(command);
      const detail = 'deferred: a citizen is being served; it runs when the session ends';
      record(command, 'deferred', detail);
      await answer(command, 'deferred', detail);
      return;
    }
    await run(command);
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
        // a shutdown ends the session too, but then the waiting commands are for the next start
        if (event.type === 'session-ended' && event.reason !== 'shutdown') void flush();
      });
      // commands deferred before a restart; answers queue in the client until the broker is there
      void flush();
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
