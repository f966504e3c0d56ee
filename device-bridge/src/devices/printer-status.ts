import type { DeviceState, PrinterCondition } from '../api/index.ts';

/**
 * How a printer's physical condition shows in its public status. Shared by the A4 and the receipt
 * printer so the operator sees the same state for the same problem on either.
 * - ready → ready; paper-low → degraded (still prints, someone should bring paper)
 * - paper-out, cover-open, jam → fault with the condition as reason (someone must act)
 * - offline, or the printer not connected at all → disconnected
 */
export function printerStatus(condition: PrinterCondition, connected: boolean): { state: DeviceState; reason?: string } {
  if (!connected) return { state: 'disconnected' };
  switch (condition) {
    case 'ready':
      return { state: 'ready' };
    case 'paper-low':
      return { state: 'degraded', reason: 'paper-low' };
    case 'paper-out':
    case 'cover-open':
    case 'jam':
      return { state: 'fault', reason: condition };
    case 'offline':
      return { state: 'disconnected', reason: 'offline' };
  }
}

/** The reason a print job must wait, or null when the printer can print (ready or paper-low). */
export function printerHoldReason(
  condition: PrinterCondition,
  connected: boolean,
): Exclude<PrinterCondition, 'ready' | 'paper-low'> | 'disconnected' | null {
  if (!connected) return 'disconnected';
  if (condition === 'ready' || condition === 'paper-low') return null;
  return condition;
}
