import type { SqliteDatabase } from '../../../store/database.ts';
import { hallSlotsFrom } from './slot-calendar.ts';

/** a slot with how many places are still free */
export interface SlotRow {
  id: string;
  hall_id: string;
  hall_name: string;
  window: string;
  start: string;
  end: string;
  remaining: number;
}

/** an appointment with the slot it holds: what a citizen's list shows */
export interface AppointmentRow {
  id: string;
  item_code: string;
  state: string;
  hall_name: string;
  window: string;
  start: string;
  end: string;
}

export interface NewSlot {
  id: string;
  hallId: string;
  hallName: string;
  window: string;
  category: string;
  start: string;
  end: string;
  capacity: number;
}

export interface NewAppointment {
  id: string;
  slotId: string;
  itemCode: string;
  /** the id_number column as stored (a keyed hash inside a kiosk) */
  person: string;
  kioskId: string | null;
  createdAt: string;
}

/** The slots and appointments tables. `person` is always the id_number column as stored. */
export interface AppointmentRepository {
  /** the coming working week's slots exist (made on first need, never twice) */
  ensureSlots(now: Date): void;
  slotsOf(category: string, from: string, to: string): SlotRow[];
  /** the earliest slot of a category, past ones included */
  firstSlotOf(category: string): SlotRow | undefined;
  slot(id: string): (SlotRow & { category: string }) | undefined;
  insert(appointment: NewAppointment): void;
  /** whether this person already holds a booked place in the slot */
  holds(slotId: string, person: string): boolean;
  ofPerson(person: string): AppointmentRow[];
  /** false when the person holds no booked appointment with this id */
  cancel(id: string, person: string): boolean;
  byId(id: string): (AppointmentRow & { id_number: string; category: string }) | undefined;
  markAttended(id: string): void;
}

export function createAppointmentRepository(db: SqliteDatabase): AppointmentRepository {
  const insertSlot = db.prepare(
    'INSERT OR IGNORE INTO slots (id, hall_id, hall_name, window, category, start, end, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const slotsOf = db.prepare(
    `SELECT s.*, s.capacity - (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.state = 'booked') AS remaining
     FROM slots s WHERE category = ? AND start >= ? AND start < ? ORDER BY start, window`,
  );
  const slotById = db.prepare(
    `SELECT s.*, s.capacity - (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.state = 'booked') AS remaining FROM slots s WHERE id = ?`,
  );
  const insertAppointment = db.prepare(
    "INSERT INTO appointments (id, slot_id, item_code, id_number, kiosk_id, state, created_at) VALUES (?, ?, ?, ?, ?, 'booked', ?)",
  );
  const mine = db.prepare(
    `SELECT a.id, a.item_code, a.state, s.hall_name, s.window, s.start, s.end FROM appointments a JOIN slots s ON s.id = a.slot_id
     WHERE a.id_number = ? ORDER BY s.start`,
  );
  const cancel = db.prepare("UPDATE appointments SET state = 'cancelled' WHERE id = ? AND id_number = ? AND state = 'booked'");
  const byId = db.prepare(
    `SELECT a.id, a.item_code, a.state, a.id_number, s.hall_name, s.window, s.start, s.end, s.category FROM appointments a JOIN slots s ON s.id = a.slot_id
     WHERE a.id = ?`,
  );
  const markAttended = db.prepare("UPDATE appointments SET state = 'attended' WHERE id = ? AND state = 'booked'");
  const sameSlotBooked = db.prepare("SELECT 1 FROM appointments WHERE slot_id = ? AND id_number = ? AND state = 'booked'");

  const addSlots = db.transaction((slots: NewSlot[]) => {
    for (const slot of slots) {
      insertSlot.run(slot.id, slot.hallId, slot.hallName, slot.window, slot.category, slot.start, slot.end, slot.capacity);
    }
  });

  return {
    ensureSlots: (now) => addSlots(hallSlotsFrom(now)),
    slotsOf: (category, from, to) => slotsOf.all(category, from, to) as SlotRow[],
    firstSlotOf: (category) => slotsOf.get(category, '0000', '9999') as SlotRow | undefined,
    slot: (id) => slotById.get(id) as (SlotRow & { category: string }) | undefined,
    insert(appointment) {
      insertAppointment.run(
        appointment.id,
        appointment.slotId,
        appointment.itemCode,
        appointment.person,
        appointment.kioskId,
        appointment.createdAt,
      );
    },
    holds: (slotId, person) => sameSlotBooked.get(slotId, person) !== undefined,
    ofPerson: (person) => mine.all(person) as AppointmentRow[],
    cancel: (id, person) => cancel.run(id, person).changes === 1,
    byId: (id) => byId.get(id) as (AppointmentRow & { id_number: string; category: string }) | undefined,
    markAttended(id) {
      markAttended.run(id);
    },
  };
}
