import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { CheckInActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import { AppointmentFacts } from './appointment-facts.tsx';
import { QueueTicketView } from './queue-ticket.tsx';

/**
 * 预约签到 after an appointment code was scanned on the attract screen: the appointment (item, hall,
 * window, time — nothing about the person), one tap 签到取号, then the queue number; or why not.
 */
export function CheckInJourney({ actor }: { actor: CheckInActorRef }) {
  const { t } = useI18n();
  const checkIn = useActorSnapshot(actor);
  const { found, ticket, failure } = checkIn.context;
  const close = () => actor.send({ type: 'CLOSE' });
  const title = t('checkIn.title');
  // 预约签到 shares the appointment screen but not its guidance: its own steps throughout
  if (checkIn.matches('looking') || checkIn.matches('checkingIn'))
    return <JourneyLoading name="appointment" title={title} step="check-in" />;
  if (checkIn.matches('failed') || checkIn.matches('refused')) {
    return <JourneyFailure name="appointment" title={title} code={failure} onClose={close} onRetry={() => actor.send({ type: 'RETRY' })} />;
  }
  if (checkIn.matches('ticket') && ticket) {
    return (
      <QueueTicketView
        name="appointment"
        step="check-in-ticket"
        title={t('checkIn.done')}
        ticket={ticket}
        showWindows={false}
        onDone={() => actor.send({ type: 'DONE' })}
      />
    );
  }
  if (!found) return <JourneyLoading name="appointment" title={title} step="check-in" />;
  const { appointment } = found;
  const open = checkIn.matches('showing');
  return (
    <ScreenFrame
      name="appointment"
      step="check-in"
      title={title}
      tone={open ? undefined : 'warning'}
      actions={
        <>
          <CloseJourney onClose={close} />
          {open ? (
            <BigButton action="check-in" onPress={() => actor.send({ type: 'CHECK_IN' })}>
              {t('checkIn.confirm')}
            </BigButton>
          ) : null}
        </>
      }
    >
      <AppointmentFacts appointment={appointment} testId="check-in-appointment" showCode={false} checkIn={found.checkIn} />
      {open ? null : (
        <p class="hero" role="alert" data-testid="check-in-why-not" data-reason={found.checkIn}>
          {t(`checkIn.why.${found.checkIn === 'open' ? 'not-today' : found.checkIn}`)}
        </p>
      )}
    </ScreenFrame>
  );
}
