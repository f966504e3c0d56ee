import type {
  AuditResponse,
  BundleExportResponse,
  ConfigValidateResponse,
  PrintProblem,
  PrintProblemsResponse,
  SelfTestResult,
  TechnicianConfigResponse,
  TechnicianDevice,
  TechnicianDevicesResponse,
  TechnicianLoginResponse,
  TechnicianLogResponse,
  TechnicianPortsResponse,
} from '@tongban/device-bridge/api';
import { bridgePaths } from '../bridge/paths.ts';
import { TechnicianSessionLost, type LoginOutcome, type SettingsData } from '../flows/technician.machine.ts';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The technician routes of the bridge, as the machine's actors need them. */
export function createTechnicianClient(fetcher: FetchLike = (input, init) => fetch(input, init)) {
  const authorized = async (token: string, path: string, init: RequestInit = {}) => {
    const response = await fetcher(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    if (response.status === 401) throw new TechnicianSessionLost();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response;
  };
  return {
    async login(pin: string): Promise<LoginOutcome> {
      const response = await fetcher(bridgePaths.technicianLogin, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pin }),
      });
      if (response.ok) {
        const body = (await response.json()) as TechnicianLoginResponse;
        return { kind: 'ok', token: body.token, inactivitySeconds: body.inactivitySeconds };
      }
      const error = ((await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error;
      if (error?.code === 'technician-locked-out')
        return { kind: 'locked-out', retryAfterSeconds: Number(response.headers.get('retry-after') ?? 0) };
      if (error?.code === 'technician-not-set-up') return { kind: 'not-set-up' };
      if (error?.code === 'technician-pin-wrong') return { kind: 'wrong-pin', message: error.message ?? '' };
      throw new Error(`login answered ${response.status}`);
    },
    async listDevices(token: string): Promise<TechnicianDevice[]> {
      return ((await (await authorized(token, bridgePaths.technicianDevices)).json()) as TechnicianDevicesResponse).devices;
    },
    async selfTest(token: string, device: string): Promise<SelfTestResult> {
      return (await (await authorized(token, bridgePaths.technicianSelfTest(device), { method: 'POST' })).json()) as SelfTestResult;
    },
    async paperRefilled(token: string, device: string): Promise<void> {
      await authorized(token, bridgePaths.technicianPaperRefilled(device), { method: 'POST' });
    },
    async listPrintProblems(token: string): Promise<PrintProblem[]> {
      return ((await (await authorized(token, bridgePaths.technicianPrintProblems)).json()) as PrintProblemsResponse).jobs;
    },
    /** 404 means it is already marked (another technician's tap, or a double tap): nothing left to do */
    async printProblemHandled(token: string, jobId: string): Promise<void> {
      const response = await fetcher(bridgePaths.technicianPrintProblemHandled(jobId), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status === 401) throw new TechnicianSessionLost();
      if (!response.ok && response.status !== 404) throw new Error(`print problem ${jobId} answered ${response.status}`);
    },
    /** the languages field is filled by the caller: which languages exist is the UI's knowledge */
    async loadSettings(token: string): Promise<Omit<SettingsData, 'languages'>> {
      const config = (await (await authorized(token, bridgePaths.technicianConfig)).json()) as TechnicianConfigResponse;
      const ports = (await (await authorized(token, bridgePaths.technicianPorts)).json()) as TechnicianPortsResponse;
      return { site: config.site, effective: config.effective, ports: ports.serial.map((port) => port.path), cupsQueues: ports.cupsQueues };
    },
    async exportBundle(token: string): Promise<BundleExportResponse> {
      return (await (
        await authorized(token, bridgePaths.technicianDiagnosticBundleExport, { method: 'POST' })
      ).json()) as BundleExportResponse;
    },
    async validateConfig(token: string, config: Record<string, unknown>): Promise<ConfigValidateResponse> {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config }) };
      return (await (await authorized(token, bridgePaths.technicianConfigValidate, init)).json()) as ConfigValidateResponse;
    },
    /** [] when written (the bridge restarts), else the problems the bridge named */
    async applyConfig(token: string, config: Record<string, unknown>): Promise<string[]> {
      const response = await fetcher(bridgePaths.technicianConfig, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ config }),
      });
      if (response.status === 401) throw new TechnicianSessionLost();
      if (response.status === 202) return [];
      const error = ((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error;
      return [error?.message ?? `the bridge answered ${response.status}`];
    },
    async loadLog(token: string): Promise<TechnicianLogResponse['lines']> {
      return ((await (await authorized(token, bridgePaths.technicianLog)).json()) as TechnicianLogResponse).lines;
    },
    async loadAudit(token: string) {
      return ((await (await authorized(token, bridgePaths.technicianAudit)).json()) as AuditResponse).entries;
    },
    async logout(token: string): Promise<void> {
      await fetcher(bridgePaths.technicianLogout, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    },
  };
}
export type TechnicianClient = ReturnType<typeof createTechnicianClient>;
