import { readDoctorToken } from '../technician/doctor-token.ts';

/** The running bridge as the doctor reaches it: loopback HTTP with the per-start doctor token. */
export interface BridgeLink {
  base: string;
  get(path: string): Promise<Response>;
  post(path: string, timeoutMs: number): Promise<Response>;
}

/**
 * The bridge at `base` when it answers /api/health and left a doctor token in these secrets; null
 * when no bridge runs here (the doctor then works on its own). `why` says which, for the output.
 */
export async function reachBridge(base: string, secretsDir: string): Promise<{ link: BridgeLink | null; why: string }> {
  try {
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3_000) });
    if (!health.ok) return { link: null, why: `the bridge at ${base} answered ${health.status}` };
  } catch {
    return { link: null, why: `no bridge answers at ${base}` };
  }
  const token = readDoctorToken(secretsDir);
  if (token === null)
    return {
      link: null,
      why: `a bridge answers at ${base}, but ${secretsDir}/doctor.token is missing (another data dir or secrets.dir? set KIOSK_DATA_DIR / KIOSK_CONFIG)`,
    };
  const authorization = { authorization: `Bearer ${token}` };
  return {
    link: {
      base,
      get: (path) => fetch(`${base}${path}`, { headers: authorization, signal: AbortSignal.timeout(15_000) }),
      post: (path, timeoutMs) =>
        fetch(`${base}${path}`, { method: 'POST', headers: authorization, signal: AbortSignal.timeout(timeoutMs) }),
    },
    why: `asking the running bridge at ${base}`,
  };
}
