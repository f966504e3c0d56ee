import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../technician/config-apply.ts';
import { fleetCommandSchema, type FleetCommand } from './commands.ts';

/**
 * Remote commands that would disturb a citizen (a restart, a test print, a card test) wait here
 * until the session ends. Kept in `<data>/fleet-deferred.json`: the broker already has its PUBACK,
 * so a bridge restart in between must not lose them.
 */
export function createDeferredCommands(dataDir: string) {
  const file = join(dataDir, 'fleet-deferred.json');
  const load = (): FleetCommand[] => {
    if (!existsSync(file)) return [];
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
      // each entry is checked again: the file is ours, but a torn or edited one must not run anything odd
      return raw.flatMap((entry) => {
        const parsed = fleetCommandSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return [];
    }
  };
  let waiting = load();
  const save = () => writeFileAtomically(file, JSON.stringify(waiting) + '\n');
  return {
    list: (): readonly FleetCommand[] => [...waiting],
    has: (id: string) => waiting.some((command) => command.id === id),
    add(command: FleetCommand): void {
      if (waiting.some((candidate) => candidate.id === command.id)) return;
      waiting = [...waiting, command];
      save();
    },
    remove(id: string): void {
      if (!waiting.some((command) => command.id === id)) return;
      waiting = waiting.filter((command) => command.id !== id);
      save();
    },
  };
}
export type DeferredCommands = ReturnType<typeof createDeferredCommands>;
