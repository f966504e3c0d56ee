import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cardIdentitySchema, type CardIdentity } from '../api/index.ts';
import { PluginCommandError, runPluginCommand, type PluginCommand } from './plugin-command.ts';

/**
 * Checks a mobile e-ID login code (网证 / CTID QR shown on the citizen's phone, scanned at the kiosk)
 * with the national network identity service (公安部第一研究所 CTID) and says whose it is. This
 * build has no CTID client of its own: a site plugs one in as a command (`face.eIdVerifier`), and
 * without one a kiosk with real devices does not offer the e-ID at all. Simulation has a stand-in
 * whose codes are derived from the fixture citizens' ID numbers, so the dev panel and tests can
 * "show" a valid one.
 */
export interface EIdVerifier {
  /** whose code this is, or null when the service says it is not valid (expired, forged, used); throws when the service cannot be asked */
  identify(token: string): Promise<CardIdentity | null>;
}

/** the code on the phone belongs to the card holder of this session */
export async function eIdMatches(verifier: EIdVerifier, token: string, idNumber: string): Promise<'match' | 'mismatch'> {
  const identity = await verifier.identify(token);
  return identity?.idNumber === idNumber ? 'match' : 'mismatch';
}

/** The code a simulated citizen's phone would show (base64url, 32 characters). */
export function simulatedEIdToken(idNumber: string): string {
  return createHash('sha256').update(`tongban-simulated-e-id:${idNumber}`).digest('base64url').slice(0, 32);
}

export function createSimulatedEIdVerifier(citizens: ReadonlyArray<{ card: CardIdentity }>): EIdVerifier {
  const byToken = new Map(citizens.map(({ card }) => [simulatedEIdToken(card.idNumber), card]));
  return {
    async identify(token) {
      const card = byToken.get(token);
      return card ? { ...card } : null;
    },
  };
}

/**
 * A site's CTID client as a command: the code on stdin, on stdout one JSON object
 * `{"identity": {…the card fields…}}` for a valid code or `{"identity": null}` for one the service
 * refused; a non-zero exit or anything else means the service could not be asked.
 */
const commandAnswerSchema = z.object({ identity: cardIdentitySchema.nullable() });

export function createCommandEIdVerifier(plugin: PluginCommand): EIdVerifier {
  return {
    async identify(token) {
      const stdout = await runPluginCommand(plugin, plugin.args, Buffer.from(token, 'utf8'));
      let answer: unknown;
      try {
        answer = JSON.parse(stdout.toString('utf8'));
      } catch {
        throw new PluginCommandError('failed', `${plugin.command} did not print JSON`);
      }
      const parsed = commandAnswerSchema.safeParse(answer);
      if (!parsed.success) throw new PluginCommandError('failed', `${plugin.command} printed an answer of the wrong shape`);
      return parsed.data.identity;
    },
  };
}
