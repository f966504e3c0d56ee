import { Counter, type Registry } from 'prom-client';
import type { FaceCheckCounts } from './face-check.ts';

/**
 * Counts only (no face, page or person ever reaches metrics): decisions, how citizens were confirmed, wrong
 * staff codes, pages captured. Read from the services at scrape time; labels from fixed lists.
 */
export function registerCameraMetrics(registry: Registry, sources: { face: () => FaceCheckCounts; pagesCaptured: () => number }): void {
  const seen = new Map<string, number>();
  /** counters only go up: add what is new since the last scrape */
  const catchUp = (counter: Counter<string>, key: string, total: number, labels?: Record<string, string>) => {
    const delta = total - (seen.get(key) ?? 0);
    if (delta > 0) {
      if (labels) counter.inc(labels, delta);
      else counter.inc(delta);
      seen.set(key, total);
    }
  };
  new Counter({
    name: 'kiosk_face_checks_total',
    help: 'Face check attempts by decision (match, no-match, not-live, no-face)',
    labelNames: ['decision'],
    registers: [registry],
    collect() {
      for (const [decision, total] of Object.entries(sources.face().decisions)) catchUp(this, `decision:${decision}`, total, { decision });
    },
  });
  new Counter({
    name: 'kiosk_identity_confirmations_total',
    help: 'Citizens confirmed beyond the card, by method (face, e-id, staff)',
    labelNames: ['method'],
    registers: [registry],
    collect() {
      for (const [method, total] of Object.entries(sources.face().verified)) catchUp(this, `method:${method}`, total, { method });
    },
  });
  new Counter({
    name: 'kiosk_staff_code_rejections_total',
    help: 'Wrong staff codes entered for staff-assisted confirmation',
    registers: [registry],
    collect() {
      catchUp(this, 'staff', sources.face().staffCodeRejected);
    },
  });
  new Counter({
    name: 'kiosk_document_pages_captured_total',
    help: 'Pages photographed on the document camera',
    registers: [registry],
    collect() {
      catchUp(this, 'pages', sources.pagesCaptured());
    },
  });
}
