import { bridgePaths } from '../bridge/paths.ts';

export type StaffCallOutcome = 'called' | 'failed';

/**
 * POST /api/call-staff with the screen the citizen is on (never who they are). Any failure is
 * 'failed', so the dialog can tell the citizen to raise a hand instead of pretending.
 */
export async function callStaff(
  screen: string,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
): Promise<StaffCallOutcome> {
  try {
    const response = await fetchImpl(bridgePaths.callStaff, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ screen }),
    });
    return response.ok ? 'called' : 'failed';
  } catch {
    return 'failed';
  }
}
