import type { Clock } from '../../../time/clock.ts';
import { formatChinaIso } from '../../china-time.ts';
import type { AppointmentRepository } from '../appointments/appointment-repository.ts';
import type { AtRest } from '../at-rest.ts';
import type { Counters } from '../counters.ts';
import { fixtureCitizen } from '../fixtures.ts';

const seededCounter = 'seeded-appointments';

/** A demo citizen already holds an appointment (身份证换领), so "my appointments" is not empty at first. */
export function seedDemoAppointment(
  counters: Counters,
  appointments: Pick<AppointmentRepository, 'ensureSlots' | 'firstSlotOf' | 'insert'>,
  clock: Clock,
  atRest: AtRest,
): void {
  if (counters.value(seededCounter) > 0) return;
  appointments.ensureSlots(clock.now());
  const first = appointments.firstSlotOf('household');
  if (first) {
    const { card } = fixtureCitizen('chen-expired');
    appointments.insert({
      id: 'YY000000000001',
      slotId: first.id,
      itemCode: '330100-HJ-00501-000',
      person: atRest.idNumber(card.idNumber),
      kioskId: null,
      createdAt: formatChinaIso(clock.now()),
    });
  }
  counters.next(seededCounter);
}
