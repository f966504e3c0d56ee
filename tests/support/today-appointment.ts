import path from 'node:path';
import Database from 'better-sqlite3';

/** an ISO time in China time (+08:00), as the platform writes slot times */
export function chinaIsoOf(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * Books an appointment for right now into a bridge's embedded platform (platform.db in its data
 * directory), as if the citizen had booked it on the platform earlier: the platform only offers
 * slots from tomorrow on, and a check-in test must not depend on the hour it runs at.
 */
export function bookAppointmentForNow(
  dataDir: string,
  options: { id: string; idNumber: string; itemCode?: string },
): { start: string; end: string } {
  const now = new Date();
  const startDate = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = chinaIsoOf(startDate);
  const end = chinaIsoOf(new Date(startDate.getTime() + 30 * 60_000));
  const db = new Database(path.join(dataDir, 'platform.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const slotId = `TEST-${options.id}`;
    db.prepare('INSERT INTO slots (id, hall_id, hall_name, window, category, start, end, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      slotId,
      'HZ-SMZX',
      '杭州市民中心政务服务大厅',
      'B05',
      'household',
      start,
      end,
      4,
    );
    db.prepare(
      "INSERT INTO appointments (id, slot_id, item_code, id_number, kiosk_id, state, created_at) VALUES (?, ?, ?, ?, NULL, 'booked', ?)",
    ).run(options.id, slotId, options.itemCode ?? '330100-HJ-00501-000', options.idNumber, start);
  } finally {
    db.close();
  }
  return { start, end };
}

/**
 * Moves an appointment booked at the kiosk (slots start tomorrow at the earliest) to a slot that
 * starts now at the same hall window, so a test can check its printed code in today.
 */
export function moveAppointmentToNow(dataDir: string, appointmentId: string): { start: string; end: string } {
  const startDate = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const start = chinaIsoOf(startDate);
  const end = chinaIsoOf(new Date(startDate.getTime() + 30 * 60_000));
  const db = new Database(path.join(dataDir, 'platform.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      const slot = db
        .prepare('SELECT s.hall_id, s.hall_name, s.window, s.category FROM appointments a JOIN slots s ON s.id = a.slot_id WHERE a.id = ?')
        .get(appointmentId) as { hall_id: string; hall_name: string; window: string; category: string } | undefined;
      if (!slot) throw new Error(`no appointment ${appointmentId} in ${dataDir}`);
      const slotId = `TEST-NOW-${appointmentId}`;
      db.prepare('INSERT INTO slots (id, hall_id, hall_name, window, category, start, end, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, 2)').run(
        slotId,
        slot.hall_id,
        slot.hall_name,
        slot.window,
        slot.category,
        start,
        end,
      );
      db.prepare('UPDATE appointments SET slot_id = ? WHERE id = ?').run(slotId, appointmentId);
    })();
  } finally {
    db.close();
  }
  return { start, end };
}
