import type { BridgeContext } from '../context.ts';
import { healthOf } from '../routes/health.ts';
import type { TechnicianService } from './technician-service.ts';

/**
 * What a technician hands to second-line support: health, devices, the loaded config, the audit
 * trail and the current metrics. No session data and no secrets (the config holds none: passwords
 * are referenced by file path).
 */
export async function diagnosticBundle(context: BridgeContext, technician: TechnicianService) {
  return {
    kind: 'tongban-diagnostic-bundle',
    generatedAt: context.clock.now().toISOString(),
    version: context.version,
    node: process.version,
    uptimeSeconds: Math.round(process.uptime()),
    health: healthOf(context),
    config: context.config,
    audit: technician.audit.recent(200),
    metrics: await context.metrics.render(),
  };
}
