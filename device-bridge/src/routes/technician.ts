import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import {
  configValidateRequestSchema,
  deviceIdSchema,
  deviceIds,
  technicianLoginRequestSchema,
  technicianPaths,
  type AuditResponse,
  type BundleExportResponse,
  type ConfigValidateResponse,
  type PrintProblemsResponse,
  type TechnicianDevicesResponse,
  type TechnicianLoginResponse,
  type TechnicianPortsResponse,
  type TechnicianStatus,
} from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';
import { applySiteConfig, readSiteOverride, validateOverride } from '../technician/config-apply.ts';
import { diagnosticBundle } from '../technician/diagnostic-bundle.ts';
import { bundleFileName, exportTarget, writeBundleFile } from '../technician/bundle-export.ts';
import { listCupsQueues } from '../technician/cups-queues.ts';
import { listHidDevices, listSerialPorts } from '../doctor/hardware.ts';
import { paperState } from '../monitoring/kiosk-metrics.ts';
import { runSelfTestWithoutSession, selfTestKinds } from '../technician/self-test.ts';
import type { TechnicianService } from '../technician/technician-service.ts';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([0-9a-f]{64})$/.exec(header ?? '');
  return match?.[1];
}

/**
 * Technician mode over HTTP (same loopback origin as the kiosk UI; the host/origin guard applies).
 * Status and login are open; everything else needs the live technician session's bearer token and
 * is written to the audit log.
 */
export interface TechnicianRouteOptions {
  /** the site override file (KIOSK_CONFIG) */
  siteFile: () => string | undefined;
  /** exit so systemd (Restart=always) starts the bridge on the new config */
  requestRestart: () => void;
}

export function technicianRoutes(
  context: BridgeContext,
  technician: TechnicianService,
  options: TechnicianRouteOptions = {
    siteFile: () => process.env.KIOSK_CONFIG,
    requestRestart: () => process.kill(process.pid, 'SIGTERM'),
  },
): Router {
  const router = Router();
  const { auth, audit } = technician;

  const sessionRequired = () =>
    new HttpError(
      401,
      'technician-session-required',
      'Technician mode needs a PIN login (the session may have timed out). / 请输入维护密码。',
    );
  const requireTechnician: RequestHandler = (request, response, next) => {
    if (!auth.check(bearer(request.headers.authorization))) throw sessionRequired();
    response.locals.actor = 'technician';
    next();
  };
  // read-and-test routes the doctor CLI may use with its per-start token (never config changes)
  const requireTechnicianOrDoctor: RequestHandler = (request, response, next) => {
    const token = bearer(request.headers.authorization);
    if (technician.doctor.check(token)) {
      response.locals.actor = 'doctor';
      next();
      return;
    }
    requireTechnician(request, response, next);
  };
  const actorOf = (response: { locals: Record<string, unknown> }) => String(response.locals.actor ?? 'technician');

  router.get(technicianPaths.status, (_request, response) => {
    const status = auth.status();
    const body: TechnicianStatus = {
      pinSet: status.pinSet,
      lockedUntil: status.lockedUntil?.toISOString() ?? null,
      failedAttempts: status.failedAttempts,
    };
    response.json(body);
  });

  router.post(technicianPaths.login, async (request, response) => {
    const { pin } = parseBody(technicianLoginRequestSchema, request);
    const result = await auth.login(pin);
    switch (result.kind) {
      case 'ok': {
        const body: TechnicianLoginResponse = { token: result.token, inactivitySeconds: result.inactivitySeconds };
        response.json(body);
        return;
      }
      case 'not-set-up':
        throw new HttpError(
          409,
          'technician-not-set-up',
          'No technician PIN is set on this kiosk: run `npm run doctor -- set-pin` on the kiosk.',
        );
      case 'locked-out': {
        const seconds = Math.ceil((result.lockedUntil.getTime() - context.clock.now().getTime()) / 1000);
        response.setHeader('Retry-After', String(Math.max(1, seconds)));
        throw new HttpError(
          429,
          'technician-locked-out',
          `Too many wrong PINs: try again in ${seconds} s. / 密码错误次数过多，请 ${seconds} 秒后再试。`,
        );
      }
      case 'wrong-pin': {
        if (result.lockedUntil) {
          const seconds = Math.ceil((result.lockedUntil.getTime() - context.clock.now().getTime()) / 1000);
          response.setHeader('Retry-After', String(Math.max(1, seconds)));
        }
        const left = result.lockedUntil
          ? `PIN entry is locked for ${Math.ceil((result.lockedUntil.getTime() - context.clock.now().getTime()) / 1000)} s.`
          : `${result.attemptsBeforeLockout} attempts left before a lockout.`;
        throw new HttpError(401, 'technician-pin-wrong', `Wrong PIN. ${left}`);
      }
    }
  });

  router.post(technicianPaths.logout, requireTechnician, (_request, response) => {
    auth.logout();
    response.status(204).end();
  });

  router.get(technicianPaths.devices, requireTechnicianOrDoctor, (_request, response) => {
    const body: TechnicianDevicesResponse = {
      devices: deviceIds.map((id) => {
        const status = context.devices[id].status();
        const paper = id === 'a4-printer' || id === 'receipt-printer' ? paperState(status) : null;
        return {
          status,
          config: { ...context.config.devices[id] } as Record<string, unknown>,
          selfTest: selfTestKinds[id],
          ...(id === 'a4-printer' || id === 'receipt-printer' ? { paperRefills: audit.count(`paper-refill ${id}`) } : {}),
          ...(paper ? { paper } : {}),
        };
      }),
    };
    response.json(body);
  });

  router.post('/api/technician/devices/:device/self-test', requireTechnicianOrDoctor, async (request, response) => {
    const parsed = deviceIdSchema.safeParse(request.params.device);
    if (!parsed.success) throw new HttpError(404, 'not-found', `No device "${String(request.params.device)}".`);
    const result = await runSelfTestWithoutSession(parsed.data, {
      devices: context.devices,
      sessions: context.sessions,
      clock: context.clock,
      kioskId: context.config.kiosk.id,
      siteName: context.config.kiosk.siteName,
      newJobId: context.newId,
    });
    audit.record({
      actor: actorOf(response),
      action: `self-test ${parsed.data}`,
      outcome: result.ok ? 'ok' : 'failed',
      detail: result.detail,
    });
    response.json(result);
  });

  // paper refill counter: the technician confirms loading paper; counted in the audit log and in metrics
  router.post('/api/technician/devices/:device/paper-refilled', requireTechnician, (request, response) => {
    const device = request.params.device;
    if (device !== 'a4-printer' && device !== 'receipt-printer')
      throw new HttpError(404, 'not-found', `"${String(device)}" is not a printer.`);
    audit.record({ actor: 'technician', action: `paper-refill ${device}`, outcome: 'ok' });
    context.metrics.paperRefilled(device);
    response.json({ device, paperRefills: audit.count(`paper-refill ${device}`) });
  });

  // Failed print jobs the citizen may have walked away from: only what the technician acts on (type,
  // copies, reason, times, whether a reprint was made) — no name, ID number or certificate number.
  router.get(technicianPaths.printProblems, requireTechnician, (_request, response) => {
    const body: PrintProblemsResponse = {
      jobs: context.printService.needingAttention().map((job) => {
        const reprint = context.printService.reprintOf(job.id);
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
    };
    response.json(body);
  });

  router.post('/api/technician/print-jobs/:id/acknowledge', requireTechnician, (request, response) => {
    const id = String(request.params.id);
    if (!context.printService.acknowledge(id)) {
      throw new HttpError(
        404,
        'not-found',
        'There is no unhandled print problem with this id (another technician may have marked it already).',
      );
    }
    audit.record({ actor: 'technician', action: 'print-problem-handled', outcome: 'ok', detail: `print job ${id}` });
    response.status(204).end();
  });

  router.get(technicianPaths.log, requireTechnician, (_request, response) => {
    response.json({ lines: technician.logRing?.recent(100) ?? [] });
  });

  router.get(technicianPaths.audit, requireTechnician, (_request, response) => {
    const body: AuditResponse = { entries: audit.recent(100) };
    response.json(body);
  });

  router.post(technicianPaths.configValidate, requireTechnician, (request, response) => {
    const { config } = parseBody(configValidateRequestSchema, request);
    const { problems } = validateOverride(config as never);
    const body: ConfigValidateResponse = { valid: problems.length === 0, problems };
    audit.record({ actor: 'technician', action: 'config-validate', outcome: body.valid ? 'valid' : 'invalid' });
    response.json(body);
  });

  // serial ports and HID devices the OS sees, so the technician picks a port instead of typing one
  router.get(technicianPaths.ports, requireTechnician, async (_request, response) => {
    const a4 = context.config.devices['a4-printer'];
    const cupsServer = a4.driver === 'cups' ? a4.server : 'http://127.0.0.1:631';
    const [serial, hid, cupsQueues] = await Promise.all([
      listSerialPorts().catch(() => []),
      listHidDevices().catch(() => []),
      listCupsQueues(cupsServer).catch(() => []),
    ]);
    const body: TechnicianPortsResponse = { serial, hid: hid.map((device) => ({ ...device })), cupsQueues };
    response.json(body);
  });

  router.get(technicianPaths.config, requireTechnician, (_request, response) => {
    response.json({ site: readSiteOverride(options.siteFile()), effective: context.config });
  });

  // Validated with the start-up schema, written atomically, applied by a restart; kept only if the
  // devices it changed come up (technician/pending-config.ts), else rolled back.
  router.put(technicianPaths.config, requireTechnician, (request, response) => {
    const { config } = parseBody(configValidateRequestSchema, request);
    const result = applySiteConfig({
      siteFile: options.siteFile(),
      dataDir: technician.dataDir,
      current: context.config,
      override: config as never,
      clock: context.clock,
    });
    if (result.kind === 'invalid') {
      audit.record({ actor: 'technician', action: 'config-apply', outcome: 'invalid' });
      response
        .status(400)
        .json({ error: { code: 'bad-request', message: `The configuration is not valid — ${result.problems.join('; ')}` } });
      return;
    }
    if (result.kind === 'no-site-file') {
      throw new HttpError(
        409,
        'bad-request',
        'This kiosk runs without a site file (KIOSK_CONFIG is not set), so there is nowhere to write a change.',
      );
    }
    if (result.kind === 'write-failed') {
      audit.record({ actor: 'technician', action: 'config-apply', outcome: 'write-failed', detail: result.message.slice(0, 200) });
      throw new HttpError(
        500,
        'config-not-writable',
        `Nothing was changed: ${result.file} cannot be written (${result.message}). Its folder must be writable by the bridge (see the install guide). / 配置文件无法写入，未做任何更改。`,
      );
    }
    audit.record({
      actor: 'technician',
      action: 'config-apply',
      outcome: 'written',
      detail: `changed devices: ${result.devices.join(', ') || 'none'}`,
    });
    response.on('finish', () => setTimeout(options.requestRestart, 100));
    response.status(202).json({ applied: true, restarting: true, file: result.file, devicesToCheck: result.devices });
  });

  router.get(technicianPaths.diagnosticBundle, requireTechnicianOrDoctor, async (_request, response) => {
    const bundle = await diagnosticBundle(context, technician);
    audit.record({ actor: actorOf(response), action: 'diagnostic-bundle', outcome: 'ok' });
    response.setHeader('Content-Disposition', `attachment; filename="${bundleFileName(context.config.kiosk.id, bundle.generatedAt)}"`);
    response.json(bundle);
  });

  // the screen's "export" button: the kiosk browser has no downloads, so the bridge writes the file
  // itself — onto a USB stick if one is mounted, else under <data>/exports — and says where
  router.post(technicianPaths.diagnosticBundleExport, requireTechnician, async (_request, response) => {
    const bundle = await diagnosticBundle(context, technician);
    const target = exportTarget({ usbDir: context.config.technician.usbExportDir, dataDir: technician.dataDir });
    let written: { file: string; bytes: number };
    try {
      written = writeBundleFile(join(target.dir, bundleFileName(context.config.kiosk.id, bundle.generatedAt)), bundle);
    } catch (error) {
      audit.record({
        actor: 'technician',
        action: 'diagnostic-bundle-export',
        outcome: 'failed',
        detail: (error as Error).message.slice(0, 200),
      });
      throw new HttpError(500, 'internal', `The bundle could not be written to ${target.dir}: ${(error as Error).message}`);
    }
    audit.record({ actor: 'technician', action: 'diagnostic-bundle-export', outcome: 'ok', detail: `${target.where}: ${written.file}` });
    const body: BundleExportResponse = { file: written.file, where: target.where, bytes: written.bytes };
    response.status(201).json(body);
  });

  return router;
}
