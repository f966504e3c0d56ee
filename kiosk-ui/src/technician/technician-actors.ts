import type { DeviceId, PrinterId } from '@tongban/device-bridge/api';
import { fromPromise } from 'xstate';
import { BridgeError } from '../bridge/bridge-error.ts';
import type { BridgeClient } from '../bridge/client.ts';
import { TechnicianSessionLost, type LoginOutcome, type SettingsData } from '../flows/technician.machine.ts';

/** A technician call the bridge answered technician-session-required: the session is gone (timed out, bridge restarted). */
async function sessionBound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof BridgeError && error.code === 'technician-session-required') throw new TechnicianSessionLost();
    throw error;
  }
}

/** What a login answer means to the PIN screen. */
async function loginOutcome(client: BridgeClient, pin: string): Promise<LoginOutcome> {
  try {
    const { token, inactivitySeconds } = await client.technicianLogin({ body: { pin } });
    return { kind: 'ok', token, inactivitySeconds };
  } catch (error) {
    if (!(error instanceof BridgeError)) throw error;
    if (error.code === 'technician-locked-out') return { kind: 'locked-out', retryAfterSeconds: error.retryAfterSeconds ?? 0 };
    if (error.code === 'technician-not-set-up') return { kind: 'not-set-up' };
    if (error.code === 'technician-pin-wrong') return { kind: 'wrong-pin', message: error.message };
    throw error;
  }
}

/**
 * The technician machine's actors over the one bridge client. The machine names devices the bridge
 * listed itself (TechnicianDevicesResponse), so their ids are the bridge's own.
 */
export function technicianActors(client: BridgeClient, languages: () => string[]) {
  return {
    login: fromPromise(({ input }: { input: { pin: string } }) => loginOutcome(client, input.pin)),
    listDevices: fromPromise(
      async ({ input }: { input: { token: string } }) => (await sessionBound(client.technicianDevices(input))).devices,
    ),
    selfTest: fromPromise(({ input }: { input: { token: string; device: string } }) =>
      sessionBound(client.technicianSelfTest({ token: input.token, params: { device: input.device as DeviceId } })),
    ),
    loadAudit: fromPromise(async ({ input }: { input: { token: string } }) => (await sessionBound(client.technicianAudit(input))).entries),
    paperRefilled: fromPromise(async ({ input }: { input: { token: string; device: string } }) => {
      await sessionBound(client.technicianPaperRefilled({ token: input.token, params: { device: input.device as PrinterId } }));
    }),
    listPrintProblems: fromPromise(
      async ({ input }: { input: { token: string } }) => (await sessionBound(client.technicianPrintProblems(input))).jobs,
    ),
    /** not-found means it is already marked (another technician's tap, or a double tap): nothing left to do */
    printProblemHandled: fromPromise(async ({ input }: { input: { token: string; jobId: string } }) => {
      try {
        await sessionBound(client.technicianPrintProblemHandled({ token: input.token, params: { id: input.jobId } }));
      } catch (error) {
        if (!(error instanceof BridgeError && error.code === 'not-found')) throw error;
      }
    }),
    loadSettings: fromPromise(async ({ input }: { input: { token: string } }): Promise<SettingsData> => {
      const config = await sessionBound(client.technicianConfig(input));
      const ports = await sessionBound(client.technicianPorts(input));
      return {
        site: config.site,
        effective: config.effective,
        ports: ports.serial.map((port) => port.path),
        cupsQueues: ports.cupsQueues,
        // which languages exist is the UI's knowledge, not the bridge's
        languages: languages(),
      };
    }),
    exportBundle: fromPromise(({ input }: { input: { token: string } }) => sessionBound(client.technicianDiagnosticBundleExport(input))),
    loadLog: fromPromise(async ({ input }: { input: { token: string } }) => (await sessionBound(client.technicianLog(input))).lines),
    validateConfig: fromPromise(({ input }: { input: { token: string; config: Record<string, unknown> } }) =>
      sessionBound(client.technicianConfigValidate({ token: input.token, body: { config: input.config } })),
    ),
    /** [] when written (the bridge restarts), else the problems the bridge named */
    applyConfig: fromPromise(async ({ input }: { input: { token: string; config: Record<string, unknown> } }): Promise<string[]> => {
      try {
        await sessionBound(client.technicianApplyConfig({ token: input.token, body: { config: input.config } }));
        return [];
      } catch (error) {
        if (error instanceof BridgeError && error.code !== 'unreachable' && error.code !== 'bad-response') return [error.message];
        throw error;
      }
    }),
    logout: fromPromise(async ({ input }: { input: { token: string } }) => {
      await client.technicianLogout(input).catch(() => undefined);
    }),
  };
}
