import { serviceCategoryTitles, type QueueStatus, type ServiceCategory } from '../../../api/index.ts';
import type { SqliteDatabase } from '../../../store/database.ts';
import type { Clock } from '../../../time/clock.ts';
import { formatChinaDate, formatChinaIso } from '../../china-time.ts';
import { PlatformRejection, type PlatformTicket } from '../../contract.ts';
import type { Counters } from '../counters.ts';
import { hallName, queuePrefixes, windowsOf } from '../demo-hall.ts';
import { hourMs } from '../durations.ts';

/** the demo hall serves one ticket per category every few minutes */
const serveEveryMs = 4 * 60_000;

interface TicketRow {
  number: string;
  category: string;
  issued_at: string;
  ahead_at_issue: number;
}

/** What appointment check-in needs of the queue: a number for the person the appointment is for. */
export interface TicketIssuer {
  /** `person`: the ID number as the tables keep it (AtRest.idNumber) */
  take(kioskId: string, person: string, category: ServiceCategory): PlatformTicket;
}

/** 取号 at the hall: one ticket per person and category at a time, called in order as time passes. */
export interface Queue extends TicketIssuer {
  status(number: string): QueueStatus | null;
}

/** 00:00 China time of the day `instant` falls in, as an instant */
function chinaMidnight(instant: Date): number {
  const date = formatChinaDate(instant);
  return Date.parse(`${date}T00:00:00+08:00`);
}

export function createQueue(db: SqliteDatabase, clock: Clock, counters: Counters): Queue {
  const ticketsOfDay = db.prepare('SELECT * FROM queue_tickets WHERE day = ? AND category = ? ORDER BY issued_at');
  const ticketByNumber = db.prepare('SELECT * FROM queue_tickets WHERE day = ? AND number = ?');
  const ticketOfPerson = db.prepare('SELECT * FROM queue_tickets WHERE day = ? AND category = ? AND id_number = ?');
  const insertTicket = db.prepare(
    `INSERT INTO queue_tickets (day, number, category, hall_name, id_number, kiosk_id, issued_at, ahead_at_issue)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** the hall calls one ticket per category every serveEveryMs: people ahead shrink with time */
  const aheadNow = (row: TicketRow, now: Date) =>
    Math.max(0, row.ahead_at_issue - Math.floor((now.getTime() - Date.parse(row.issued_at)) / serveEveryMs));
  const stateNow = (row: TicketRow, now: Date): QueueStatus['state'] => {
    const ahead = aheadNow(row, now);
    if (ahead > 0) return 'waiting';
    const calledAt = Date.parse(row.issued_at) + row.ahead_at_issue * serveEveryMs;
    return now.getTime() - calledAt < 2 * serveEveryMs ? 'called' : 'done';
  };

  const take = db.transaction((kioskId: string, person: string, category: ServiceCategory): PlatformTicket => {
    const now = clock.now();
    const day = formatChinaDate(now);
    const own = ticketOfPerson.get(day, category, person) as TicketRow | undefined;
    if (own && stateNow(own, now) !== 'done') {
      throw new PlatformRejection(
        'queue-ticket-exists',
        `you already hold ticket ${own.number} for ${serviceCategoryTitles[category]}`,
        409,
      );
    }
    // A new ticket is called one serving interval after the last ticket still to be called today.
    const callTimes = (ticketsOfDay.all(day, category) as TicketRow[]).map(
      (row) => Date.parse(row.issued_at) + row.ahead_at_issue * serveEveryMs,
    );
    const lastCall = Math.max(-Infinity, ...callTimes);
    // with nobody in line from kiosks, the hall still has walk-ins who took a number at the counter machine
    const walkIns = Math.floor((now.getTime() - chinaMidnight(now)) / hourMs) % 5;
    const ahead = lastCall + serveEveryMs > now.getTime() ? Math.ceil((lastCall + serveEveryMs - now.getTime()) / serveEveryMs) : walkIns;
    const sequence = counters.next(`queue-${day}-${category}`);
    const number = `${queuePrefixes[category]}${String(sequence).padStart(3, '0')}`;
    const issuedAt = formatChinaIso(now);
    insertTicket.run(day, number, category, hallName, person, kioskId, issuedAt, ahead);
    return { number, category, hallName, windows: windowsOf[category], ahead, issuedAt };
  });

  return {
    take,
    status(number) {
      const now = clock.now();
      const row = ticketByNumber.get(formatChinaDate(now), number.trim().toUpperCase()) as TicketRow | undefined;
      if (!row) return null;
      return { number: row.number, ahead: aheadNow(row, now), state: stateNow(row, now) };
    },
  };
}
