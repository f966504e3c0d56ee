import { hashIdNumbers, type ClearDataSweep } from '../at-rest-sweep.ts';

/** who holds a ticket, only as the keyed hash */
export const sweepQueueTickets: ClearDataSweep = (db, atRest) => hashIdNumbers(db, 'queue_tickets', atRest);
