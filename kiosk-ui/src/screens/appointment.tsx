import type { AppointmentSlot } from '@tongban/device-bridge/api';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { platformLanguage } from '../components/platform-text.tsx';
import { appointmentActorOf, checkInActorOf, type AppointmentActorRef } from '../flows/session.screens.ts';
import { CheckInJourney } from './check-in.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import type { ScreenProps } from './screen-props.ts';

/** The slot's times as the hall shows them: the ISO strings carry the +08:00 offset, read as written. */
function timesOf(slot: { start: string; end: string }) {
  return { date: slot.start.slice(0, 10), from: slot.start.slice(11, 16), to: slot.end.slice(11, 16) };
}

/** 预约: an item done by appointment, then a free time at a window, one tap to book. */
export function AppointmentScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  // 预约签到 (an appointment code scanned on the attract screen) shares this screen
  const checkIn = checkInActorOf(snapshot);
  if (checkIn) return <CheckInJourney actor={checkIn} />;
  const actor = appointmentActorOf(snapshot);
  if (!actor) return <JourneyLoading name="appointment" title={t('appointment.title')} />;
  return <AppointmentJourney actor={actor} />;
}

function AppointmentJourney({ actor }: { actor: AppointmentActorRef }) {
  const { t } = useI18n();
  const appointment = useActorSnapshot(actor);
  const { items, slots, booked, failure } = appointment.context;
  const close = () => actor.send({ type: 'CLOSE' });
  if (appointment.matches('loadingItems') || appointment.matches('loadingSlots') || appointment.matches('booking')) {
    return <JourneyLoading name="appointment" title={t('appointment.title')} />;
  }
  if (appointment.matches('failed')) {
    return <JourneyFailure name="appointment" title={t('appointment.title')} code={failure} onClose={close} onRetry={() => actor.send({ type: 'RETRY' })} />;
  }
  if (appointment.matches('refused')) {
    return (
      <JourneyFailure
        name="appointment"
        title={t('appointment.title')}
        code={failure}
        onClose={close}
        onBack={() => actor.send({ type: 'BACK' })}
        onRetry={() => actor.send({ type: 'RETRY' })}
      />
    );
  }
  if (appointment.matches('booked') && booked) {
    const times = timesOf(booked);
    return (
      <ScreenFrame
        name="appointment"
        step="appointment-booked"
        title={t('appointment.booked')}
        actions={
          <BigButton action="done" onPress={() => actor.send({ type: 'DONE' })}>
            {t('appointment.done')}
          </BigButton>
        }
      >
        <p class="hero" data-testid="appointment-booked" data-appointment={booked.id}>
          {t('appointment.bookedDetail', { item: booked.itemName, ...times, hall: booked.hallName, window: booked.window })}
        </p>
      </ScreenFrame>
    );
  }
  if (appointment.matches('choosingSlot')) {
    return (
      <ScreenFrame
        name="appointment"
        step="appointment-slots"
        title={t('appointment.slots')}
        actions={
          <BigButton tone="secondary" action="back" onPress={() => actor.send({ type: 'BACK' })}>
            {t('journey.back')}
          </BigButton>
        }
      >
        {(slots ?? []).length === 0 ? <p class="lead">{t('appointment.noSlots')}</p> : null}
        <ul class="guides__items">
          {(slots ?? []).map((slot: AppointmentSlot) => (
            <li key={slot.id}>
              <button
                type="button"
                class={`guide-item${slot.remaining > 0 ? '' : ' service-tile--unavailable'}`}
                data-action="book-slot"
                data-slot={slot.id}
                aria-disabled={slot.remaining === 0}
                onClick={() => (slot.remaining > 0 ? actor.send({ type: 'BOOK', slotId: slot.id }) : undefined)}
              >
                <span class="guide-item__name">
                  {slot.remaining > 0
                    ? t('appointment.slot', { ...timesOf(slot), hall: slot.hallName, window: slot.window, remaining: slot.remaining })
                    : `${timesOf(slot).date} ${timesOf(slot).from} · ${t('appointment.full')}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame name="appointment" title={t('appointment.choose')} actions={<CloseJourney onClose={close} />}>
      <ul class="guides__items">
        {(items ?? []).map((item) => (
          <li key={item.code}>
            <button type="button" class="guide-item" data-action="choose-item" data-code={item.code} onClick={() => actor.send({ type: 'CHOOSE', code: item.code })}>
              <span class="guide-item__name" lang={platformLanguage}>
                {item.name}
              </span>
              <span class="guide-item__meta" lang={platformLanguage}>
                {item.department}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ScreenFrame>
  );
}
