import { Router, type RequestHandler } from 'express';
import {
  configValidateRequestSchema,
  deviceIdSchema,
  deviceIds,
  technicianLoginRequestSchema,
  technicianPaths,
  type AuditResponse,
  type ConfigValidateResponse,
  type TechnicianDevicesResponse,
  type TechnicianLoginResponse,
  type TechnicianStatus,
} from '../api/index.ts';
import { defaultConfigFile, deepMerge, parseConfig, ConfigError } from '../config/load.ts';
import type { BridgeContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';
import { diagnosticBundle } from '../technician/diagnostic-bundle.ts';
import { runSelfTest, selfTestKinds } from '../technician/self-test.ts';
import type { TechnicianService } from '../technician/technician-service.ts';
import { readFileSync } from 'node:fs';

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([0-9a-f]{64})$/.exec(header ?? '');
  return match?.[1];
}

/**
 * Technician mode over HTTP (same loopback origin as the kiosk UI; the host/origin guard applies).
 * Status and login are open; everything else needs the live technician session's bearer token and
 * is written to the audit log.
 */
export function technicianRoutes(context: BridgeContext, technician: TechnicianService): Router {
  const router = Router();
  const { auth, audit } = technician;

  const requireTechnician: RequestHandler = (request, _response, next) => {
    if (!auth.check(bearer(request.headers.authorization))) {
      throw new HttpError(401, 'technician-session-required', 'Technician mode needs a PIN login (the session may have timed out). / 请输入维护密码。');
    }
    next();
  };

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
        throw new HttpError(409, 'technician-not-set-up', 'No technician PIN is set on this kiosk: run `npm run doctor -- set-pin` on the kiosk.');
      case 'locked-out': {
        const seconds = Math.ceil((result.lockedUntil.getTime() - context.clock.now().getTime()) / 1000);
        response.setHeader('Retry-After', String(Math.max(1, seconds)));
        throw new HttpError(429, 'technician-locked-out', `Too many wrong PINs: try again in ${seconds} s. / 密码错误次数过多，请 ${seconds} 秒后再试。`);
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

  router.get(technicianPaths.devices, requireTechnician, (_request, response) => {
    const body: TechnicianDevicesResponse = {
      devices: deviceIds.map((id) => ({
        status: context.devices[id].status(),
        config: { ...context.config.devices[id] } as Record<string, unknown>,
        selfTest: selfTestKinds[id],
      })),
    };
    response.json(body);
  });

  router.post('/api/technician/devices/:device/self-test', requireTechnician, async (request, response) => {
    const parsed = deviceIdSchema.safeParse(request.params.device);
    if (!parsed.success) throw new HttpError(404, 'not-found', `No device "${String(request.params.device)}".`);
    const result = await runSelfTest(parsed.data, {
      devices: context.devices,
      clock: context.clock,
      kioskId: context.config.kiosk.id,
      siteName: context.config.kiosk.siteName,
      newJobId: context.newId,
    });
    audit.record({ actor: 'technician', action: `self-test ${parsed.data}`, outcome: result.ok ? 'ok' : 'failed', detail: result.detail });
    response.json(result);
  });

  router.get(technicianPaths.audit, requireTechnician, (_request, response) => {
    const body: AuditResponse = { entries: audit.recent(100) };
    response.json(body);
  });

  router.post(technicianPaths.configValidate, requireTechnician, (request, response) => {
    const { config } = parseBody(configValidateRequestSchema, request);
    let body: ConfigValidateResponse;
    try {
      const defaults = JSON.parse(readFileSync(defaultConfigFile, 'utf8')) as Record<string, unknown>;
      delete defaults.$schema;
      parseConfig(deepMerge(defaults as never, config as never), 'technician screen');
      body = { valid: true, problems: [] };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      body = { valid: false, problems: error.message.split('\n').slice(1).map((line) => line.replace(/^\s*- /, '')) };
    }
    audit.record({ actor: 'technician', action: 'config-validate', outcome: body.valid ? 'valid' : 'invalid' });
    response.json(body);
  });

  router.get(technicianPaths.diagnosticBundle, requireTechnician, async (_request, response) => {
    const bundle = await diagnosticBundle(context, technician);
    audit.record({ actor: 'technician', action: 'diagnostic-bundle', outcome: 'ok' });
    const name = `tongban-diagnostics-${context.config.kiosk.id}-${bundle.generatedAt.replace(/[:.]/g, '-')}.json`;
    response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.json(bundle);
  });

  return router;
}
