import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { platformLanguage } from '../components/platform-text.tsx';
import { queueActorOf, type QueueActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import { QueueTicketView } from './queue-ticket.tsx';
import type { ScreenProps } from './screen-props.ts';

/** 取号: one tap on the kind of business, then the number, the people ahead and the printed ticket. */
export function QueueScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const actor = queueActorOf(snapshot);
  if (!actor) return <JourneyLoading name="queue" title={t('queue.title')} />;
  return <QueueJourney actor={actor} />;
}

function QueueJourney({ actor }: { actor: QueueActorRef }) {
  const { t } = useI18n();
  const queue = useActorSnapshot(actor);
  const { categories, ticket, failure } = queue.context;
  const close = () => actor.send({ type: 'CLOSE' });
  if (queue.matches('loading') || queue.matches('taking')) return <JourneyLoading name="queue" title={t('queue.title')} />;
  if (queue.matches('failed'))
    return (
      <JourneyFailure name="queue" title={t('queue.title')} code={failure} onClose={close} onRetry={() => actor.send({ type: 'RETRY' })} />
    );
  if (queue.matches('refused'))
    return (
      <JourneyFailure name="queue" title={t('queue.title')} code={failure} onClose={close} onBack={() => actor.send({ type: 'BACK' })} />
    );
  if (queue.matches('ticket') && ticket) {
    return (
      <QueueTicketView
        name="queue"
        step="queue-ticket"
        title={t('queue.number')}
        ticket={ticket}
        showWindows
        onDone={() => actor.send({ type: 'DONE' })}
      />
    );
  }
  return (
    <ScreenFrame name="queue" title={t('queue.choose')} actions={<CloseJourney onClose={close} />}>
      <div class="rating-indicators" role="group" aria-label={t('queue.choose')}>
        {(categories ?? []).map((entry) => (
          <button
            key={entry.category}
            type="button"
            class="indicator-button"
            data-action="take-number"
            data-category={entry.category}
            lang={platformLanguage}
            onClick={() => actor.send({ type: 'TAKE', category: entry.category })}
          >
            {entry.title}
          </button>
        ))}
      </div>
    </ScreenFrame>
  );
}
