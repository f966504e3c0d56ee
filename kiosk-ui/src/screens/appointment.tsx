import type { AppointmentSlot } from '@tongban/device-bridge/api';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { platformLanguage, useMixedText } from '../components/platform-text.tsx';
import { slotDays, slotsOn } from '../flows/appointment-days.ts';
import { appointmentActorOf, checkInActorOf, type AppointmentActorRef } from '../flows/session.screens.ts';
import { CheckInJourney } from './check-in.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import { CloseJourney, JourneyFailure, JourneyLoading } from './journey-parts.tsx';
import { dayLabel } from './day-label.ts';
import { AppointmentFacts, timesOf } from './appointment-facts.tsx';
import type { ScreenProps } from './screen-props.ts';

/** 预约: an item done by appointment, a day, then a free time at a window on it, one tap to book; or my appointments. */
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
  const { t, language } = useI18n();
  const mixed = useMixedText();
  const appointment = useActorSnapshot(actor);
  const { items, slots, day, booked, mine, cancelling, cancelled, failure } = appointment.context;
  const close = () => actor.send({ type: 'CLOSE' });
  const back = () => actor.send({ type: 'BACK' });
  if (appointment.hasTag('busy')) {
    return <JourneyLoading name="appointment" title={t('appointment.title')} />;
  }
  if (appointment.matches('failed')) {
    return (
      <JourneyFailure
        name="appointment"
        title={t('appointment.title')}
        code={failure}
        onClose={close}
        onRetry={() => actor.send({ type: 'RETRY' })}
      />
    );
  }
  if (appointment.matches('refused') || appointment.matches('mineFailed')) {
    return (
      <JourneyFailure
        name="appointment"
        title={t('appointment.title')}
        code={failure}
        onClose={close}
        onBack={back}
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
          <>
            <BigButton tone="secondary" action="my-appointments" onPress={() => actor.send({ type: 'MINE' })}>
              {t('appointment.mine')}
            </BigButton>
            <BigButton action="done" onPress={() => actor.send({ type: 'DONE' })}>
              {t('appointment.done')}
            </BigButton>
          </>
        }
      >
        <p class="lead" data-testid="appointment-booked" data-appointment={booked.id}>
          {mixed('appointment.bookedDetail', { ...times, window: booked.window }, { item: booked.itemName, hall: booked.hallName })}
        </p>
        <p class="lead">
          {t('appointment.code')}{' '}
          <strong class="appointment-code" data-testid="appointment-code">
            {booked.id}
          </strong>
        </p>
        <p class="note" data-printed={String(booked.printed)}>
          {booked.printed ? t('appointment.printed') : t('appointment.notPrinted')}
        </p>
      </ScreenFrame>
    );
  }
  if (appointment.matches('confirmingCancel') && cancelling) {
    return (
      <ScreenFrame
        name="appointment"
        tone="warning"
        title={t('appointment.cancelTitle')}
        step="appointment-cancel"
        actions={
          <>
            <BigButton tone="secondary" action="back" onPress={back}>
              {t('appointment.keep')}
            </BigButton>
            <BigButton tone="danger" action="confirm-cancel" onPress={() => actor.send({ type: 'CONFIRM' })}>
              {t('appointment.confirmCancel')}
            </BigButton>
          </>
        }
      >
        <p class="lead">{t('appointment.cancelQuestion')}</p>
        <AppointmentFacts appointment={cancelling} testId="appointment-to-cancel" showCode />
      </ScreenFrame>
    );
  }
  if (appointment.matches('mine')) {
    const list = mine ?? [];
    return (
      <ScreenFrame
        name="appointment"
        title={t('appointment.mine')}
        step="appointment-mine"
        actions={
          <>
            <BigButton tone="secondary" action="back" onPress={back}>
              {t('journey.back')}
            </BigButton>
            <BigButton action="done" onPress={() => actor.send({ type: 'DONE' })}>
              {t('appointment.done')}
            </BigButton>
          </>
        }
      >
        {cancelled ? (
          <p class="lead" role="status" data-testid="appointment-cancelled" data-appointment={cancelled.id}>
            {mixed('appointment.cancelledDetail', timesOf(cancelled), { item: cancelled.itemName })}
          </p>
        ) : null}
        {list.length === 0 ? (
          <p class="lead" data-testid="appointments-none">
            {t('appointment.none')}
          </p>
        ) : null}
        <ul class="guides__items" data-testid="my-appointments">
          {list.map((entry) => (
            <li key={entry.id} data-testid="my-appointment" data-appointment={entry.id} data-state={entry.state}>
              <AppointmentFacts appointment={entry} testId="appointment-facts" showCode />
              <p class="note">{t(`appointment.state.${entry.state}`)}</p>
              {entry.state === 'booked' ? (
                <BigButton
                  tone="secondary"
                  action="cancel-appointment"
                  extraAttributes={{ 'data-appointment': entry.id }}
                  onPress={() => actor.send({ type: 'CANCEL', id: entry.id })}
                >
                  {t('appointment.cancel')}
                </BigButton>
              ) : null}
            </li>
          ))}
        </ul>
      </ScreenFrame>
    );
  }
  if (appointment.matches('choosingDay')) {
    const days = slotDays(slots ?? []);
    return (
      <ScreenFrame
        name="appointment"
        step="appointment-days"
        title={t('appointment.days')}
        actions={
          <BigButton tone="secondary" action="back" onPress={back}>
            {t('journey.back')}
          </BigButton>
        }
      >
        {days.length === 0 ? <p class="lead">{t('appointment.noSlots')}</p> : null}
        <ul class="guides__items" data-testid="appointment-days">
          {days.map(({ date, free }) => (
            <li key={date}>
              {/* a full day stays in the list, so the citizen sees why it is missing from the choice */}
              <button
                type="button"
                class={`guide-item${free > 0 ? '' : ' service-tile--unavailable'}`}
                data-action="choose-day"
                data-date={date}
                data-free={free}
                aria-disabled={free === 0}
                onClick={() => (free > 0 ? actor.send({ type: 'CHOOSE_DAY', date }) : undefined)}
              >
                <span class="guide-item__name">{dayLabel(date, language)}</span>
                <span class="guide-item__meta">{free > 0 ? t('appointment.dayFree', { free }) : t('appointment.full')}</span>
              </button>
            </li>
          ))}
        </ul>
      </ScreenFrame>
    );
  }
  if (appointment.matches('choosingSlot') && day) {
    return (
      <ScreenFrame
        name="appointment"
        step="appointment-slots"
        title={t('appointment.slots', { day: dayLabel(day, language) })}
        actions={
          <BigButton tone="secondary" action="back" onPress={back}>
            {t('appointment.otherDay')}
          </BigButton>
        }
      >
        <ul class="guides__items" data-testid="appointment-times" data-date={day}>
          {slotsOn(slots, day).map((slot: AppointmentSlot) => {
            const { from, to } = timesOf(slot);
            const free = slot.remaining > 0;
            return (
              <li key={slot.id}>
                <button
                  type="button"
                  class={`guide-item${free ? '' : ' service-tile--unavailable'}`}
                  data-action="book-slot"
                  data-slot={slot.id}
                  aria-disabled={!free}
                  onClick={() => (free ? actor.send({ type: 'BOOK', slotId: slot.id }) : undefined)}
                >
                  <span class="guide-item__name">
                    {free
                      ? mixed('appointment.slot', { from, to, window: slot.window, remaining: slot.remaining }, { hall: slot.hallName })
                      : mixed('appointment.slotFull', { from, to, window: slot.window }, { hall: slot.hallName })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame
      name="appointment"
      title={t('appointment.choose')}
      actions={
        <>
          <CloseJourney onClose={close} />
          <BigButton tone="secondary" action="my-appointments" onPress={() => actor.send({ type: 'MINE' })}>
            {t('appointment.mine')}
          </BigButton>
        </>
      }
    >
      <ul class="guides__items">
        {(items ?? []).map((item) => (
          <li key={item.code}>
            <button
              type="button"
              class="guide-item"
              data-action="choose-item"
              data-code={item.code}
              onClick={() => actor.send({ type: 'CHOOSE', code: item.code })}
            >
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
