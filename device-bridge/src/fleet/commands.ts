import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { deviceIdSchema } from '../api/index.ts';

/** Topics of one kiosk; the broker ACL lets the kiosk write only status/health/result and read only cmd. */
export function kioskTopics(kioskId: string) {
  const base = `kiosk/${kioskId}`;
  return { status: `${base}/status`, health: `${base}/health`, command: `${base}/cmd`, result: `${base}/cmd-result` };
}

export const fleetCommandNames = ['ping', 'self-test', 'reload-config', 'restart-ui', 'out-of-service', 'in-service'] as const;

/**
 * A remote command. `id` makes redelivery harmless (QoS 1 is at-least-once): a command id already
 * answered is answered again from the audit log, never executed twice. `signature` is
 * HMAC-SHA256(command key, the JSON of everything else) so that broker access alone is not enough to
 * command a kiosk; the operator console holds each kiosk's command key.
 */
export const fleetCommandSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    command: z.enum(fleetCommandNames),
    device: deviceIdSchema.optional(),
    /** when the operator issued it (ISO 8601); too old or in the future → refused (fleet-client.ts) */
    issuedAt: z.iso.datetime({ offset: true }),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type FleetCommand = z.infer<typeof fleetCommandSchema>;

/**
 * done: ran (ok says how it went); rejected: refused unrun (bad signature, stale); deferred: a citizen
 * is being served, it runs when the session ends and a second answer with the same id follows.
 */
export const fleetCommandOutcomes = ['ok', 'failed', 'rejected', 'deferred'] as const;
export type FleetCommandOutcome = (typeof fleetCommandOutcomes)[number];

export interface FleetCommandResult {
  id: string;
  command: string;
  ok: boolean;
  outcome: FleetCommandOutcome;
  detail: string;
  at: string;
}

/** Commands that would disturb a citizen at the screen: they wait until no session is open. */
export const disruptiveCommands: ReadonlySet<FleetCommand['command']> = new Set(['self-test', 'reload-config', 'restart-ui']);

function signedPart(command: Omit<FleetCommand, 'signature'>): string {
  return JSON.stringify({ id: command.id, command: command.command, device: command.device ?? null, issuedAt: command.issuedAt });
}

export function signCommand(command: Omit<FleetCommand, 'signature'>, key: Buffer): FleetCommand {
  return { ...command, signature: createHmac('sha256', key).update(signedPart(command)).digest('hex') };
}

export function signatureValid(command: FleetCommand, key: Buffer): boolean {
  const expected = createHmac('sha256', key).update(signedPart(command)).digest();
  const given = Buffer.from(command.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
