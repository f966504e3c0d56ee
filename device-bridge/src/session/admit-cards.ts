import type { IdReader } from '../devices/device.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { EventLogger } from '../log/logger.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import type { Clock } from '../time/clock.ts';
import { cardRejection } from './card-admission.ts';
import type { SessionHolder } from './session-holder.ts';

/**
 * Turns what the reader reports into sessions: a valid card opens one; a card the citizen must be
 * told about (expired, bad number, unreadable) is announced; a second card while someone is being
 * served is ignored, so one citizen can never be swapped for another mid-session.
 */
export function admitCards(deps: {
  reader: IdReader;
  sessions: SessionHolder;
  bus: EventBus;
  logger: EventLogger;
  clock: Clock;
}): () => void {
  const { reader, sessions, bus, logger, clock } = deps;
  return reader.onCard((event) => {
    if (sessions.current()) {
      if (event.kind === 'read') logger.log('card-rejected', { reason: 'session-active' });
      return;
    }
    switch (event.kind) {
      case 'reading':
        bus.publish({ type: 'card-reading' });
        return;
      case 'unreadable':
        logger.log('card-rejected', { reason: 'unreadable' });
        bus.publish({ type: 'card-rejected', reason: 'unreadable' });
        return;
      case 'read': {
        const rejection = cardRejection(event.identity, clock.now());
        if (rejection) {
          logger.log('card-rejected', { reason: rejection, idNumber: maskIdNumber(event.identity.idNumber) });
          bus.publish({ type: 'card-rejected', reason: rejection });
          return;
        }
        logger.log('card-read', { idNumber: maskIdNumber(event.identity.idNumber) });
        sessions.open(event.identity, event.photo);
      }
    }
  });
}
