import { execFile } from 'node:child_process';
import { loadOrCreateKey } from '../secrets/secrets.ts';
import { ConfigError, loadConfig } from '../config/load.ts';
import type { BridgeContext } from '../context.ts';
import { healthOf } from '../routes/health.ts';
import { runSelfTestWithoutSession } from '../technician/self-test.ts';
import { createFleetClient, type FleetClient } from './fleet-client.ts';

/**
 * Joins the fleet when config.fleet.mqtt is enabled (null otherwise). The command key lives in
 * secrets/fleet-command.key; `npm run doctor -- fleet-key` prints it for the operator console.
 */
export async function startFleet(
  context: BridgeContext,
  options: { dataDir: string; secretsDir: string; randomBytes: (n: number) => Buffer; requestRestart?: () => void },
): Promise<FleetClient | null> {
  const { config } = context;
  if (!config.fleet.mqtt.enabled) return null;
  const requestRestart = options.requestRestart ?? (() => process.kill(process.pid, 'SIGTERM'));
  const client = createFleetClient({
    mqtt: config.fleet.mqtt,
    kioskId: config.kiosk.id,
    version: context.version,
    dataDir: options.dataDir,
    commandKey: loadOrCreateKey(options.secretsDir, 'fleet-command', options.randomBytes),
    clock: context.clock,
    bus: context.bus,
    audit: context.technician.audit,
    logger: context.logger,
    commandMaxAgeSeconds: config.fleet.commandMaxAgeSeconds,
    onCommand: (command, outcome) => context.metrics.fleetCommand(command, outcome),
    handlers: {
      busy: () => context.sessions.current() !== null,
      health: () => {
        const health = healthOf(context);
        return {
          status: health.status,
          outOfService: context.serviceMode?.outOfService() ?? false,
          version: health.version,
          devices: health.devices.map(({ id, state, reason }) => ({ id, state, reason })),
          at: context.clock.now().toISOString(),
        };
      },
      selfTest: (device) =>
        runSelfTestWithoutSession(device, {
          devices: context.devices,
          sessions: context.sessions,
          clock: context.clock,
          kioskId: config.kiosk.id,
          siteName: config.kiosk.siteName,
          newJobId: context.newId,
        }),
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
        if (!context.serviceMode) return { ok: false, detail: 'this bridge has no service mode' };
        context.serviceMode.set(outOfService, outOfService ? 'operator command' : '');
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
