import { maxScanLength, scanTextFromBytes, type ScanTextResult } from './scan-text.ts';

/**
 * HID POS (usage page 0x8C "Bar Code Scanner") input reports: report ID 0x02,
 * then [1] data length, [2..57] data (≤ 56 bytes), [58..61] reserved, [62] symbology,
 * [63] continued flag (non-zero: more reports follow for a long code). node-hid on Linux
 * (hidraw) delivers the report ID as the first byte.
 */
export const hidPosReportId = 0x02;
export const hidPosReportBytes = 64;
export const hidPosMaxData = 56;
export const hidPosUsagePage = 0x8c;

/**
 * Feature report 0xFE = [0x01]: Honeywell (0x0C2E) and Youjie (0x23D0) HID POS scanners send no
 * input reports until they get it (`NielsLeenheer/WebHidBarcodeScanner`).
 * Report ID first, as node-hid takes it.
 */
export const hidPosEnableReport = Uint8Array.of(0xfe, 0x01);
const vendorsNeedingEnable = new Set([0x0c2e, 0x23d0]);

export function needsEnableReport(vendorId: number): boolean {
  return vendorsNeedingEnable.has(vendorId);
}

export interface HidPosAssembler {
  /** feeds one input report; returns a result when a code is complete (or broken), else null */
  push(report: Uint8Array): ScanTextResult | { ok: false; reason: 'malformed-report' } | null;
}

export function createHidPosAssembler(): HidPosAssembler {
  let parts: Uint8Array[] = [];
  let size = 0;
  let overflowing = false;
  return {
    push(report) {
      if (report.length < hidPosReportBytes || report[0] !== hidPosReportId) return { ok: false, reason: 'malformed-report' };
      const length = report[1]!;
      if (length > hidPosMaxData) {
        parts = [];
        size = 0;
        return { ok: false, reason: 'malformed-report' };
      }
      const continued = report[63] !== 0;
      if (!overflowing) {
        parts.push(report.slice(2, 2 + length));
        size += length;
        if (size > maxScanLength * 4) {
          overflowing = true;
          parts = [];
        }
      }
      if (continued) return null;
      const wasOverflowing = overflowing;
      const code = Uint8Array.from(Buffer.concat(parts));
      parts = [];
      size = 0;
      overflowing = false;
      if (wasOverflowing) return { ok: false, reason: 'too-long' };
      return scanTextFromBytes(code);
    },
  };
}

/** The reports a scanner sends for one code (for the in-memory HID device and tests). */
export function encodeHidPosReports(text: string, symbology = 0x51): Uint8Array[] {
  const bytes = Buffer.from(text, 'utf8');
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length || reports.length === 0; offset += hidPosMaxData) {
    const part = bytes.subarray(offset, offset + hidPosMaxData);
    const report = new Uint8Array(hidPosReportBytes);
    report[0] = hidPosReportId;
    report[1] = part.length;
    report.set(part, 2);
    report[62] = symbology;
    report[63] = offset + hidPosMaxData < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
