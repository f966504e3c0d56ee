/**
 * Faults the simulated SAM (the ID reader's security module) can be told to have, in one list: the
 * sim API validates against it, the simulator implements each one and the dev panel offers them.
 * No zod here, so the kiosk UI can import the list at run time without pulling zod into its bundle.
 */
export const samFaultNames = [
  'self-test-failure',
  'not-authorised',
  'read-failure',
  'unknown-card-type',
  'checksum-error',
  'silence',
] as const;

export type SamFault = (typeof samFaultNames)[number];
