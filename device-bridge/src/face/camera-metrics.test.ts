import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerCameraMetrics } from './camera-metrics.ts';
import type { FaceCheckCounts } from './face-check.ts';

describe('camera metrics', () => {
  it('exposes decision, confirmation and page counts, with nothing but fixed labels', async () => {
    const registry = new Registry();
    const counts: FaceCheckCounts = {
      decisions: { match: 2, 'no-match': 1, 'not-live': 0, 'no-face': 3 },
      verified: { face: 2, 'e-id': 0, staff: 1 },
      staffCodeRejected: 4,
    };
    let pages = 5;
    registerCameraMetrics(registry, { face: () => counts, pagesCaptured: () => pages });
    let text = await registry.metrics();
    expect(text).toContain('kiosk_face_checks_total{decision="match"} 2');
    expect(text).toContain('kiosk_face_checks_total{decision="no-face"} 3');
    expect(text).toContain('kiosk_identity_confirmations_total{method="staff"} 1');
    expect(text).toContain('kiosk_staff_code_rejections_total 4');
    expect(text).toContain('kiosk_document_pages_captured_total 5');
    counts.decisions.match = 3;
    pages = 7;
    text = await registry.metrics();
    expect(text).toContain('kiosk_face_checks_total{decision="match"} 3');
    expect(text).toContain('kiosk_document_pages_captured_total 7');
  });
});
