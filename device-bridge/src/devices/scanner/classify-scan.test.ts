import { describe, expect, it } from 'vitest';
import { classifyScan, scanEventOf } from './classify-scan.ts';

const options = { verificationBaseUrl: 'https://verify.tongban.example/certificates' };

describe('classifyScan', () => {
  it('recognises the agreed code formats', () => {
    expect(classifyScan('tongban:appointment:A-20250301-0007', options)).toEqual({ kind: 'appointment', appointmentId: 'A-20250301-0007' });
    expect(classifyScan('TONGBAN:Appointment:x1', options)).toEqual({ kind: 'appointment', appointmentId: 'x1' });
    expect(classifyScan('tongban:e-id:abcdefghijklmnop_-12', options)).toEqual({ kind: 'login-e-id', token: 'abcdefghijklmnop_-12' });
    expect(classifyScan('tongban:technician:AB12CD34', options)).toEqual({ kind: 'technician', code: 'AB12CD34' });
    expect(classifyScan('https://verify.tongban.example/certificates?no=TB-2025-0001&code=ABCD-EFGH', options)).toEqual({
      kind: 'certificate-verification',
      number: 'TB-2025-0001',
      code: 'ABCD-EFGH',
    });
  });

  it('calls anything malformed or foreign "other"', () => {
    for (const text of [
      'tongban:appointment:',
      'tongban:appointment:has space',
      'tongban:e-id:short',
      'tongban:technician:12',
      'https://evil.example/certificates?no=1&code=2',
      'https://verify.tongban.example/other?no=1&code=2',
      'https://verify.tongban.example/certificates?no=1',
      'hello',
      '6901234567892',
    ]) {
      expect(classifyScan(text, options)).toEqual({ kind: 'other' });
    }
  });

  it('never hands the UI a login token or a technician code', () => {
    expect(scanEventOf(classifyScan('tongban:e-id:abcdefghijklmnop', options))).toEqual({ kind: 'login-e-id' });
    expect(scanEventOf(classifyScan('tongban:technician:AB12CD34', options))).toEqual({ kind: 'technician' });
  });
});
