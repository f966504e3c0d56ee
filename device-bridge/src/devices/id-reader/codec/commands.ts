import { encodeFrame } from './frame.ts';

/**
 * Host → SAM commands: CMD and PARA bytes. The vendor timeouts are the ones the
 * driver defaults to (Synjones: find 500 ms, select 500 ms, read 3500 ms).
 */
export const samCommands = {
  reset: { cmd: 0x10, para: 0xff },
  status: { cmd: 0x11, para: 0xff },
  samId: { cmd: 0x12, para: 0xff },
  find: { cmd: 0x20, para: 0x01 },
  select: { cmd: 0x20, para: 0x02 },
  readText: { cmd: 0x30, para: 0x01 },
  readAddress: { cmd: 0x30, para: 0x03 },
  readWithFingerprint: { cmd: 0x30, para: 0x10 },
  setMaxRfBytes: { cmd: 0x61, para: 0xff },
} as const;

export type SamCommandName = keyof typeof samCommands;

export function encodeRequest(name: SamCommandName, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const { cmd, para } = samCommands[name];
  const payload = new Uint8Array(2 + data.length);
  payload[0] = cmd;
  payload[1] = para;
  payload.set(data, 2);
  return encodeFrame(payload);
}

/** Which command a request payload (CMD PARA …) is, or null for one GA/T 467 does not define. */
export function commandOf(payload: Uint8Array): SamCommandName | null {
  if (payload.length < 2) return null;
  for (const [name, { cmd, para }] of Object.entries(samCommands)) {
    if (payload[0] === cmd && payload[1] === para) return name as SamCommandName;
  }
  return null;
}

/** A response frame: SW1 SW2 (00 00 in normal operation) SW3, then data. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const payload = new Uint8Array(3 + data.length);
  payload[2] = sw3;
  payload.set(data, 3);
  return encodeFrame(payload);
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** Splits a response payload; null when it is too short to hold SW1 SW2 SW3. */
export function parseResponse(payload: Uint8Array): SamResponse | null {
  if (payload.length < 3) return null;
  return { sw1: payload[0]!, sw2: payload[1]!, sw3: payload[2]!, data: payload.subarray(3) };
}
