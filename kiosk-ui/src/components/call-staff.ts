import type { BridgeClient } from '../bridge/client.ts';

export type StaffCallOutcome = 'called' | 'failed';

/**
 * Calls staff with the screen the citizen is on (never who they are). Any failure is 'failed', so
 * the dialog can tell the citizen to raise a hand instead of pretending.
 */
export async function callStaff(client: Pick<BridgeClient, 'callStaff'>, screen: string): Promise<StaffCallOutcome> {
  try {
    await client.callStaff({ body: { screen } });
    return 'called';
  } catch {
    return 'failed';
  }
}
