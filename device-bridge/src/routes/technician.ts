import { join } from 'node:path';
import { deviceIds, type DeviceId, type DiagnosticBundle, type SelfTestResult } from '../api/index.ts';
import type { KioskConfig } from '../config/schema.ts';
import type { DeviceSet } from '../devices/device.ts';
import { listHidDevices, listSerialPorts } from '../doctor/hardware.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import { paperState, type KioskMetrics } from '../monitoring/kiosk-metrics.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { AuditLog } from '../technician/audit-log.ts';
import { bundleFileName, exportTarget, writeBundleFile } from '../technician/bundle-export.ts';
import { applySiteConfig, readSiteOverride, validateOverride } from '../technician/config-apply.ts';
import { listCupsQueues } from '../technician/cups-queues.ts';
import type { LogRing } from '../technician/log-ring.ts';
import { selfTestKinds } from '../technician/self-test.ts';
import type { TechnicianAuth } from '../technician/technician-auth.ts';
import type { Clock } from '../time/clock.ts';

export interface TechnicianRouteDeps {
  auth: Pick<TechnicianAuth, 'status' | 'login' | 'logout'>;
  audit: Pick<AuditLog, 'record' | 'count' | 'recent'>;
  /** the newest log lines (null when the bridge was given its own logger, e.g. in tests) */
  logRing: Pick<LogRing, 'recent'> | null;
  /** the configuration the bridge runs with */
  config: KioskConfig;
  devices: DeviceSet;
  selfTest: (device: DeviceId) => Promise<SelfTestResult>;
  metrics: Pick<KioskMetrics, 'paperRefilled'>;
  printProblems: Pick<PrintService, 'needingAttention' | 'reprintOf' | 'acknowledge'>;
  diagnosticBundle: () => Promise<DiagnosticBundle>;
  /** the bridge's data dir (config-apply keeps its pending/rollback record there; bundles go to exports/) */
  dataDir: string;
  clock: Clock;
  /** the site override file (KIOSK_CONFIG) */
  siteFile: () => string | undefined;
  /** exit so systemd (Restart=always) starts the bridge on the new config */
  requestRestart: () => void;
}

type TechnicianEndpoint =
  | 'technicianStatus'
  | 'technicianLogin'
  | 'technicianLogout'
  | 'technicianDevices'
  | 'technicianSelfTest'
  | 'technicianPaperRefilled'
  | 'technicianPrintProblems'
  | 'technicianPrintProblemHandled'
  | 'technicianLog'
  | 'technicianAudit'
  | 'technicianConfigValidate'
  | 'technicianPorts'
  | 'technicianConfig'
  | 'technicianApplyConfig'
  | 'technicianDiagnosticBundle'
  | 'technicianDiagnosticBundleExport';

/**
 * Technician mode over HTTP (same loopback origin as the kiosk UI; the host/origin guard applies).
 * Status and login are open; everything else needs the live technician session's bearer token (the
 * read-and-test endpoints also the doctor CLI's) and is written to the audit log.
 */
export function technicianHandlers(deps: TechnicianRouteDeps): EndpointHandlers<TechnicianEndpoint> {
  const { auth, audit, config, clock } = deps;
  const secondsUntil = (instant: Date) => Math.ceil((instant.getTime() - clock.now().getTime()) / 1000);

  return {
    technicianStatus: () => {
      const status = auth.status();
      return { pinSet: status.pinSet, lockedUntil: status.lockedUntil?.toISOString() ?? null, failedAttempts: status.failedAttempts };
    },

    technicianLogin: async ({ body }) => {
      const result = await auth.login(body.pin);
      switch (result.kind) {
        case 'ok':
          return { token: result.token, inactivitySeconds: result.inactivitySeconds };
        case 'not-set-up':
          throw new DomainError('technician-not-set-up');
        case 'locked-out':
          throw new DomainError('technician-locked-out', undefined, { retryAfterSeconds: secondsUntil(result.lockedUntil) });
        case 'wrong-pin':
          if (result.lockedUntil) {
            const seconds = secondsUntil(result.lockedUntil);
            throw new DomainError('technician-pin-wrong', `PIN entry is locked for ${seconds} s`, { retryAfterSeconds: seconds });
          }
          throw new DomainError('technician-pin-wrong', `${result.attemptsBeforeLockout} attempts left before a lockout`);
      }
    },

    technicianLogout: () => auth.logout(),

    technicianDevices: () => ({
      devices: deviceIds.map((id) => {
        const status = deps.devices[id].status();
        const printer = id === 'a4-printer' || id === 'receipt-printer';
        const paper = printer ? paperState(status) : null;
        return {
          status,
          config: { ...config.devices[id] } as Record<string, unknown>,
          selfTest: selfTestKinds[id],
          ...(printer ? { paperRefills: audit.count(`paper-refill ${id}`) } : {}),
          ...(paper ? { paper } : {}),
        };
      }),
    }),

    technicianSelfTest: async ({ params, actor }) => {
      const result = await deps.selfTest(params.device);
      audit.record({ actor, action: `self-test ${params.device}`, outcome: result.ok ? 'ok' : 'failed', detail: result.detail });
      return result;
    },

    // paper refill counter: the technician confirms loading paper; counted in the audit log and in metrics
    technicianPaperRefilled: ({ params: { device } }) => {
      audit.record({ actor: 'technician', action: `paper-refill ${device}`, outcome: 'ok' });
      deps.metrics.paperRefilled(device);
      return { device, paperRefills: audit.count(`paper-refill ${device}`) };
    },

    // Failed print jobs the citizen may have walked away from: only what the technician acts on (type,
    // copies, reason, times, whether a reprint was made) — no name, ID number or certificate number.
    technicianPrintProblems: () => ({
      jobs: deps.printProblems.needingAttention().map((job) => {
        const reprint = deps.printProblems.reprintOf(job.id);
        return {
          id: job.id,
          certificateType: job.certificateType,
          copies: job.copies ?? 1,
          state: job.state,
          reason: job.reason ?? null,
          createdAt: job.createdAt,
          failedAt: job.updatedAt,
          isReprint: job.reprintOf !== undefined,
          reprint: reprint ? { id: reprint.id, state: reprint.state } : null,
        };
      }),
    }),

    technicianPrintProblemHandled: ({ params: { id } }) => {
      if (!deps.printProblems.acknowledge(id)) {
        throw new DomainError('not-found', 'no unhandled print problem has this id (another technician may have marked it already)');
      }
      audit.record({ actor: 'technician', action: 'print-problem-handled', outcome: 'ok', detail: `print job ${id}` });
    },

    technicianLog: () => ({ lines: deps.logRing?.recent(100) ?? [] }),

    technicianAudit: () => ({ entries: audit.recent(100) }),

    technicianConfigValidate: ({ body }) => {
      const { problems } = validateOverride(body.config as never);
      const valid = problems.length === 0;
      audit.record({ actor: 'technician', action: 'config-validate', outcome: valid ? 'valid' : 'invalid' });
      return { valid, problems };
    },

    // serial ports and HID devices the OS sees, so the technician picks a port instead of typing one
    technicianPorts: async () => {
      const a4 = config.devices['a4-printer'];
      const cupsServer = a4.driver === 'cups' ? a4.server : 'http://127.0.0.1:631';
      const [serial, hid, cupsQueues] = await Promise.all([
        listSerialPorts().catch(() => []),
        listHidDevices().catch(() => []),
        listCupsQueues(cupsServer).catch(() => []),
      ]);
      return { serial, hid: hid.map((device) => ({ ...device })), cupsQueues };
    },

    technicianConfig: () => ({ site: readSiteOverride(deps.siteFile()) as Record<string, unknown>, effective: config }),

    // Validated with the start-up schema, written atomically, applied by a restart; kept only if the
    // devices it changed come up (technician/pending-config.ts), else rolled back.
    technicianApplyConfig: ({ body, http: { response } }) => {
      const result = applySiteConfig({
        siteFile: deps.siteFile(),
        dataDir: deps.dataDir,
        current: config,
        override: body.config as never,
        clock,
      });
      switch (result.kind) {
        case 'invalid':
          audit.record({ actor: 'technician', action: 'config-apply', outcome: 'invalid' });
          throw new DomainError('bad-request', `the configuration is not valid — ${result.problems.join('; ')}`);
        case 'no-site-file':
          throw new DomainError('no-site-file');
        case 'write-failed':
          audit.record({ actor: 'technician', action: 'config-apply', outcome: 'write-failed', detail: result.message.slice(0, 200) });
          throw new DomainError('config-not-writable', `${result.file} (${result.message}); its folder must be writable by the bridge`);
        case 'written':
          audit.record({
            actor: 'technician',
            action: 'config-apply',
            outcome: 'written',
            detail: `changed devices: ${result.devices.join(', ') || 'none'}`,
          });
          response.on('finish', () => setTimeout(deps.requestRestart, 100));
          return { applied: true, restarting: true, file: result.file, devicesToCheck: result.devices };
      }
    },

    technicianDiagnosticBundle: async ({ actor, http: { response } }) => {
      const bundle = await deps.diagnosticBundle();
      audit.record({ actor, action: 'diagnostic-bundle', outcome: 'ok' });
      response.setHeader('Content-Disposition', `attachment; filename="${bundleFileName(config.kiosk.id, bundle.generatedAt)}"`);
      return bundle;
    },

    // the screen's "export" button: the kiosk browser has no downloads, so the bridge writes the file
    // itself — onto a USB stick if one is mounted, else under <data>/exports — and says where
    technicianDiagnosticBundleExport: async () => {
      const bundle = await deps.diagnosticBundle();
      const target = exportTarget({ usbDir: config.technician.usbExportDir, dataDir: deps.dataDir });
      let written: { file: string; bytes: number };
      try {
        written = writeBundleFile(join(target.dir, bundleFileName(config.kiosk.id, bundle.generatedAt)), bundle);
      } catch (error) {
        const message = (error as Error).message;
        audit.record({ actor: 'technician', action: 'diagnostic-bundle-export', outcome: 'failed', detail: message.slice(0, 200) });
        throw new DomainError('internal', `the bundle could not be written to ${target.dir}: ${message}`);
      }
      audit.record({ actor: 'technician', action: 'diagnostic-bundle-export', outcome: 'ok', detail: `${target.where}: ${written.file}` });
      return { file: written.file, where: target.where, bytes: written.bytes };
    },
  };
}
