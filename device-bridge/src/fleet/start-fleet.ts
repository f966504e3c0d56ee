import { execFile } from 'node:child_process';
import type { DeviceId, SelfTestResult } from '../api/index.ts';
import { ConfigError, loadConfig } from '../config/load.ts';
import type { KioskConfig } from '../config/schema.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { ServiceMode } from './service-mode.ts';
import type { EventLogger } from '../log/logger.ts';
import type { KioskHealth } from '../monitoring/kiosk-health.ts';
import type { KioskMetrics } from '../monitoring/kiosk-metrics.ts';
import { loadOrCreateKey } from '../secrets/secrets.ts';
import type { AuditLog } from '../technician/audit-log.ts';
import type { Clock } from '../time/clock.ts';
import { createFleetClient, type FleetClient } from './fleet-client.ts';

export interface FleetDeps {
  config: KioskConfig;
  version: string;
  clock: Clock;
  bus: EventBus;
  logger: EventLogger;
  audit: AuditLog;
  metrics: Pick<KioskMetrics, 'fleetCommand'>;
  health: Pick<KioskHealth, 'report'>;
  serviceMode: ServiceMode;
  /** a citizen is being served: commands that would disturb them wait */
  busy: () => boolean;
  selfTest: (device: DeviceId) => Promise<SelfTestResult>;
}

/**
 * Joins the fleet when config.fleet.mqtt is enabled (null otherwise). The command key lives in
 * secrets/fleet-command.key; `npm run doctor -- fleet-key` prints it for the operator console.
 */
export async function startFleet(
  deps: FleetDeps,
  options: { dataDir: string; secretsDir: string; randomBytes: (n: number) => Buffer; requestRestart?: () => void },
): Promise<FleetClient | null> {
  const { config } = deps;
  if (!config.fleet.mqtt.enabled) return null;
  const requestRestart = options.requestRestart ?? (() => process.kill(process.pid, 'SIGTERM'));
  const client = createFleetClient({
    mqtt: config.fleet.mqtt,
    kioskId: config.kiosk.id,
    version: deps.version,
    dataDir: options.dataDir,
    commandKey: loadOrCreateKey(options.secretsDir, 'fleet-command', options.randomBytes),
    clock: deps.clock,
    bus: deps.bus,
    audit: deps.audit,
    logger: deps.logger,
    commandMaxAgeSeconds: config.fleet.commandMaxAgeSeconds,
    onCommand: (command, outcome) => deps.metrics.fleetCommand(command, outcome),
    handlers: {
      busy: deps.busy,
      health: () => {
        const health = deps.health.report();
        return {
          status: health.status,
          outOfService: deps.serviceMode.outOfService(),
          version: health.version,
          devices: health.devices.map(({ id, state, reason }) => ({ id, state, reason })),
          at: deps.clock.now().toISOString(),
        };
      },
      selfTest: deps.selfTest,
      reloadConfig: () => {
        try {
          loadConfig(process.env);
        } catch (error) {
          if (error instanceof ConfigError) return { ok: false, detail: `not applied: ${error.message}` };
          throw error;
        }
        // systemd (Restart=always) starts the bridge again, which loads the new file
        return { ok: true, detail: 'configuration valid; the bridge restarts to apply it', apply: requestRestart };
      },
      setOutOfService: (outOfService) => {
        deps.serviceMode.set(outOfService, outOfService ? 'operator command' : '');
        void client.publishHealth();
        return {
          ok: true,
          detail: outOfService ? 'out of service: the screen shows the hall phone once no citizen is served' : 'back in service',
        };
      },
      restartUi: () =>
        new Promise((resolve) => {
          const [command, ...args] = config.fleet.restartUiCommand;
          execFile(command!, args, { timeout: 15_000 }, (error) =>
            resolve(error ? { ok: false, detail: `restart failed: ${error.message}` } : { ok: true, detail: 'UI restarted' }),
          );
        }),
    },
  });
  await client.start();
  return client;
}
