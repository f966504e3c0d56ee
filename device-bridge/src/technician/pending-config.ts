import type { DeviceSet } from '../devices/device.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { AuditLog } from './audit-log.ts';
import { checkPendingApply, takeRollbackNote } from './config-apply.ts';

/**
 * After a start that applies a technician's config change: keep it if the changed devices came up,
 * else restore the previous site file and restart onto it. Runs in the background so the kiosk
 * answers meanwhile.
 */
export function watchPendingConfig(
  deps: { audit: Pick<AuditLog, 'record'>; devices: DeviceSet; clock: Clock; logger: EventLogger },
  options: { dataDir: string; siteFile?: string; timeoutMs?: number; requestRestart?: () => void },
): Promise<void> {
  const requestRestart = options.requestRestart ?? (() => process.kill(process.pid, 'SIGTERM'));
  // a change undone at start (main.ts: the start on it failed) is audited now that the store is open
  const note = takeRollbackNote(options.dataDir);
  if (note) {
    deps.audit.record({
      actor: 'technician',
      action: 'config-apply',
      outcome: 'rolled-back',
      detail: `start failed: ${note.reason}`.slice(0, 500),
    });
  }
  return checkPendingApply({
    dataDir: options.dataDir,
    siteFile: options.siteFile ?? process.env.KIOSK_CONFIG,
    devices: deps.devices,
    clock: deps.clock,
    timeoutMs: options.timeoutMs,
  })
    .then((outcome) => {
      if (outcome.kind === 'kept') {
        deps.audit.record({
          actor: 'technician',
          action: 'config-apply',
          outcome: 'kept',
          detail: `devices up: ${outcome.devices.join(', ') || 'none changed'}`,
        });
      } else if (outcome.kind === 'rolled-back') {
        deps.audit.record({
          actor: 'technician',
          action: 'config-apply',
          outcome: 'rolled-back',
          detail: `did not come up: ${outcome.down.join(', ')}`,
        });
        requestRestart();
      }
    })
    .catch((error: unknown) => {
      // a damaged pending record must not take the bridge down: log it and carry on with the config as loaded
      deps.logger.log('request-failed', { message: `pending config check: ${(error as Error).message}` });
    });
}
