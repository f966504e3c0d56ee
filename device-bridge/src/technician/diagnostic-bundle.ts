import type { DiagnosticBundle } from '../api/index.ts';
import type { KioskConfig } from '../config/schema.ts';
import type { KioskHealth } from '../monitoring/kiosk-health.ts';
import type { KioskMetrics } from '../monitoring/kiosk-metrics.ts';
import type { Clock } from '../time/clock.ts';
import type { AuditLog } from './audit-log.ts';

export interface DiagnosticBundleDeps {
  clock: Clock;
  version: string;
  config: KioskConfig;
  health: Pick<KioskHealth, 'report'>;
  audit: Pick<AuditLog, 'recent'>;
  metrics: Pick<KioskMetrics, 'render'>;
}

/**
 * What a technician hands to second-line support: health, devices, the loaded config, the audit
 * trail and the current metrics. No session data and no secrets (the config holds none: passwords
 * are referenced by file path).
 */
export async function diagnosticBundle(deps: DiagnosticBundleDeps): Promise<DiagnosticBundle> {
  return {
    kind: 'tongban-diagnostic-bundle',
    generatedAt: deps.clock.now().toISOString(),
    version: deps.version,
    node: process.version,
    uptimeSeconds: Math.round(process.uptime()),
    health: deps.health.report(),
    config: deps.config,
    audit: deps.audit.recent(200),
    metrics: await deps.metrics.render(),
  };
}
