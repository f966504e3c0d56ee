import type { ServiceCategory } from '../../../api/index.ts';
import { formatChinaDate, formatChinaIso } from '../../china-time.ts';
import { hallId, hallName, windowsOf } from '../demo-hall.ts';
import { dayMs } from '../durations.ts';
import type { NewSlot } from './appointment-repository.ts';

const slotTimes = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
const slotCapacity = 2;

/**
 * The slots the demo hall offers: the working days (Mon–Fri) from tomorrow on, 7 of them, each
 * window of each category every half hour, two places each. The id names hall, window and start,
 * so making the same day's slots again finds them already there.
 */
export function hallSlotsFrom(now: Date): NewSlot[] {
  const slots: NewSlot[] = [];
  for (let offset = 1, made = 0; made < 7; offset++) {
    const day = formatChinaDate(new Date(now.getTime() + offset * dayMs));
    const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    made++;
    for (const category of Object.keys(windowsOf) as ServiceCategory[]) {
      for (const window of windowsOf[category]) {
        for (const time of slotTimes) {
          const start = `${day}T${time}:00+08:00`;
          const end = formatChinaIso(new Date(Date.parse(start) + 30 * 60_000));
          slots.push({
            id: `${hallId}-${window}-${day.replaceAll('-', '')}${time.replace(':', '')}`,
            hallId,
            hallName,
            window,
            category,
            start,
            end,
            capacity: slotCapacity,
          });
        }
      }
    }
  }
  return slots;
}
