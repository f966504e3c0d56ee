import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 (with or without brackets, or as an IPv4-mapped address) and localhost */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export type Exposure =
  | { start: true; open: false }
  /** no enrolment on a reachable address: every kiosk id is taken at its word; say so loudly */
  | { start: true; open: true; warning: string | null }
  | { start: false; reason: string };

/**
 * Whether the standalone server may start as configured. Without kiosk-tokens.json it trusts any
 * X-Kiosk-Id: fine on loopback (the one-box demo), not on an address other machines reach, where
 * anyone could pose as a kiosk or read a person's records with an ID number and a name. That
 * takes an explicit PLATFORM_OPEN=1.
 */
export function exposureOf(host: string, enrolment: boolean, openOptIn: string | undefined): Exposure {
  if (enrolment) return { start: true, open: false };
  if (isLoopbackHost(host)) return { start: true, open: true, warning: null };
  if (openOptIn === '1') {
    return {
      start: true,
      open: true,
      warning: `PLATFORM_OPEN=1: listening on ${host} with no kiosk-tokens.json, so any caller can act as any kiosk and read records by ID number and name. Enrol the kiosks (platform-server/enroll.ts) and unset PLATFORM_OPEN.`,
    };
  }
  return {
    start: false,
    reason: `refusing to listen on ${host} without kiosk enrolment: anyone on the network could pose as a kiosk. Enrol each kiosk with node --import tsx device-bridge/src/platform-server/enroll.ts <kiosk id> (this creates kiosk-tokens.json), listen on 127.0.0.1, or set PLATFORM_OPEN=1 to run open anyway.`,
  };
}
