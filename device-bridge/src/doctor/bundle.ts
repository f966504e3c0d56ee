import { join } from 'node:path';
import type { KioskConfig } from '../config/schema.ts';
import { apiPaths } from '../api/routes.ts';
import type { AuditEntry } from '../technician/audit-log.ts';
import { bundleFileName, exportTarget, writeBundleFile } from '../technician/bundle-export.ts';
import type { BridgeLink } from './bridge-link.ts';

/**
 * The diagnostic bundle from a shell. With the bridge running it is the bridge's own bundle (health,
 * devices, config, audit, metrics); without, the doctor puts together what it can read itself — the
 * config and the audit log — and says that the live parts are missing because the bridge is down.
 */
export async function collectBundle(options: {
  link: BridgeLink | null;
  why: string;
  config: KioskConfig;
  version: string;
  audit: () => AuditEntry[];
}): Promise<Record<string, unknown>> {
  if (options.link) {
    const answer = await options.link.get(apiPaths.technicianDiagnosticBundle);
    if (answer.ok) return (await answer.json()) as Record<string, unknown>;
  }
  return {
    kind: 'tongban-diagnostic-bundle',
    generatedAt: new Date().toISOString(),
    version: options.version,
    node: process.version,
    collectedBy: 'doctor',
    bridge: `not running: ${options.why}`,
    health: null,
    config: options.config,
    audit: options.audit(),
    metrics: null,
  };
}

/** Writes it to `file`, or where the screen's export would (USB stick, else <data>/exports). */
export function saveBundle(
  bundle: Record<string, unknown>,
  options: { file: string | undefined; config: KioskConfig; dataDir: string },
): { file: string; bytes: number } {
  const generatedAt = typeof bundle.generatedAt === 'string' ? bundle.generatedAt : new Date().toISOString();
  const file =
    options.file ??
    join(
      exportTarget({ usbDir: options.config.technician.usbExportDir, dataDir: options.dataDir }).dir,
      bundleFileName(options.config.kiosk.id, generatedAt),
    );
  return writeBundleFile(file, bundle);
}
