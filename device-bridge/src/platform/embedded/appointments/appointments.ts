import { randomUUID } from 'node:crypto';
import type { AppointmentSlot, AppointmentView, ServiceCategory } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import type { Clock } from '../../../time/clock.ts';
import { formatChinaIso } from '../../china-time.ts';
import { PlatformRejection, type Applicant } from '../../contract.ts';
import type { AtRest } from '../at-rest.ts';
import type { ItemLookup } from '../catalogue/catalogue.ts';
import type { AppointmentRepository, AppointmentRow, SlotRow } from './appointment-repository.ts';

/** 预约: the hall's time slots, booked by citizens and kept per person. */
export interface Appointments {
  slots(itemCode: string, date: string | undefined): AppointmentSlot[];
  book(kioskId: string, applicant: Applicant, slotId: string, itemCode: string): AppointmentView;
  cancel(applicant: Applicant, id: string): void;
  mine(applicant: Applicant): AppointmentView[];
  /**
   * 预约签到: the appointment a scanned code names, with whose it is for the queue ticket only
   * (`person`: the id_number column as stored, a keyed hash inside a kiosk)
   */
  find(id: string): { view: AppointmentView; person: string; category: ServiceCategory } | null;
  markAttended(id: string): void;
}

const toSlot = (row: SlotRow): AppointmentSlot => ({
  id: row.id,
  hallId: row.hall_id,
  hallName: row.hall_name,
  window: row.window,
  start: row.start,
  end: row.end,
  remaining: Math.max(0, row.remaining),
});

export function createAppointments(
  db: SqliteDatabase,
  records: AppointmentRepository,
  clock: Clock,
  items: ItemLookup,
  atRest: AtRest,
): Appointments {
  function toView(row: AppointmentRow): AppointmentView {
    return {
      id: row.id,
      itemCode: row.item_code,
      itemName: items.requireItem(row.item_code).name,
      hallName: row.hall_name,
      window: row.window,
      start: row.start,
      end: row.end,
      state: row.state === 'cancelled' ? 'cancelled' : row.state === 'attended' ? 'attended' : 'booked',
    };
  }

  const book = db.transaction((kioskId: string, applicant: Applicant, slotId: string, itemCode: string) => {
    const item = items.requireItem(itemCode);
    if (!item.modes.includes('appointment')) throw new PlatformRejection('item-not-applicable', `${item.name} takes no appointments`, 409);
    const slot = records.slot(slotId);
    if (!slot || slot.category !== item.category)
      throw new PlatformRejection('slot-not-found', 'this time slot does not exist for the item', 404);
    if (Date.parse(slot.start) <= clock.now().getTime()) throw new PlatformRejection('slot-not-found', 'this time slot has passed', 404);
    const person = atRest.idNumber(applicant.idNumber);
    if (records.holds(slotId, person)) throw new PlatformRejection('slot-full', 'you already hold this time slot', 409);
    if (slot.remaining <= 0) throw new PlatformRejection('slot-full', 'this time slot was just taken; choose another', 409);
    const id = `YY${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
    records.insert({ id, slotId, itemCode, person, kioskId, createdAt: formatChinaIso(clock.now()) });
    return toView({
      id,
      item_code: itemCode,
      state: 'booked',
      hall_name: slot.hall_name,
      window: slot.window,
      start: slot.start,
      end: slot.end,
    });
  });

  return {
    slots(itemCode, date) {
      const item = items.requireItem(itemCode);
      if (!item.modes.includes('appointment')) return [];
      const now = clock.now();
      records.ensureSlots(now);
      const from = date ? `${date}T00:00:00+08:00` : formatChinaIso(now);
      const to = date ? `${date}T23:59:59+08:00` : '9999';
      return records
        .slotsOf(item.category, from, to)
        .filter((row) => Date.parse(row.start) > now.getTime())
        .map(toSlot);
    },
    book,
    cancel(applicant, id) {
      if (!records.cancel(id, atRest.idNumber(applicant.idNumber))) {
        throw new PlatformRejection('appointment-not-found', 'no booked appointment of yours with this id', 404);
      }
    },
    mine: (applicant) => records.ofPerson(atRest.idNumber(applicant.idNumber)).map(toView),
    find(id) {
      const row = records.byId(id);
      return row ? { view: toView(row), person: row.id_number, category: row.category as ServiceCategory } : null;
    },
    markAttended: (id) => records.markAttended(id),
  };
}
