import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../technician/config-apply.ts';

/**
 * Out of service on an operator's word (MQTT command), kept in `<data>/service-mode.json` so a
 * restart does not silently put a kiosk back into service. While it is on, /api/health offers no
 * capability, and the kiosk UI shows its out-of-service screen with the hall's phone number the next
 * time it reads health (within its 30 s refresh) once no citizen is being served.
 */
export function createServiceMode(dataDir: string, now: () => Date) {
  const file = join(dataDir, 'service-mode.json');
  let state: { outOfService: boolean; reason: string; since: string } = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { outOfService: boolean; reason: string; since: string })
    : { outOfService: false, reason: '', since: now().toISOString() };
  return {
    outOfService: () => state.outOfService,
    state: () => ({ ...state }),
    set(outOfService: boolean, reason: string): void {
      state = { outOfService, reason, since: now().toISOString() };
      writeFileAtomically(file, JSON.stringify(state) + '\n');
    },
  };
}
export type ServiceMode = ReturnType<typeof createServiceMode>;
