import type { SqliteDatabase } from '../store/database.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  /** "technician" (kiosk screen), "doctor" (CLI), "fleet" (MQTT command) */
  actor: string;
  action: string;
  outcome: string;
  /** short, never personal data */
  detail: string | null;
}

/** Every technician and remote action, kept in SQLite (a technician's changes must be traceable). */
export function createAuditLog(db: SqliteDatabase, now: () => Date) {
  const insert = db.prepare('INSERT INTO technician_audit (at, actor, action, outcome, detail) VALUES (?, ?, ?, ?, ?)');
  const countAction = db.prepare('SELECT COUNT(*) AS n FROM technician_audit WHERE action = ? AND outcome = ?');
  const recent = db.prepare('SELECT seq, at, actor, action, outcome, detail FROM technician_audit ORDER BY seq DESC LIMIT ?');
  // remote commands are audited with detail "id=<command id> …" (ids are [A-Za-z0-9-], no LIKE wildcards)
  const fleetAnswer = db.prepare(
    "SELECT outcome, detail FROM technician_audit WHERE actor = 'fleet' AND detail LIKE ? ORDER BY seq DESC LIMIT 1",
  );
  return {
    record(entry: { actor: string; action: string; outcome: string; detail?: string | null }): void {
      insert.run(now().toISOString(), entry.actor, entry.action, entry.outcome, entry.detail ?? null);
    },
    /** how many times an action was recorded with this outcome (e.g. paper refills per printer) */
    count(action: string, outcome = 'ok'): number {
      return (countAction.get(action, outcome) as { n: number }).n;
    },
    /** the newest audit row of a remote command id, over the whole log (a redelivery may come weeks later) */
    fleetAnswer(id: string): { outcome: string; detail: string } | null {
      if (!/^[A-Za-z0-9-]+$/.test(id)) return null;
      return (fleetAnswer.get(`id=${id} %`) as { outcome: string; detail: string } | undefined) ?? null;
    },
    recent(limit = 100): AuditEntry[] {
      return recent.all(Math.min(Math.max(limit, 1), 1000)) as AuditEntry[];
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
