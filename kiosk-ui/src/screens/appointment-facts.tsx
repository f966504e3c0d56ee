import type { AppointmentView } from '@tongban/device-bridge/api';
import { platformLanguage, useMixedText } from '../components/platform-text.tsx';
import { useI18n } from '../i18n/language-context.tsx';

/** The slot's times as the hall shows them: the ISO strings carry the +08:00 offset, read as written. */
export function timesOf(slot: { start: string; end: string }) {
  return { date: slot.start.slice(0, 10), from: slot.start.slice(11, 16), to: slot.end.slice(11, 16) };
}

/**
 * One appointment's facts as booking, my appointments, cancelling and 预约签到 show them: item,
 * time and place (the platform's names marked as Chinese, so an English screen reads them right),
 * and, to the person who booked it, the code 预约签到 scans. Nothing about the person.
 */
export function AppointmentFacts({
  appointment,
  testId,
  showCode,
  checkIn,
}: {
  appointment: AppointmentView;
  testId: string;
  showCode: boolean;
  /** 预约签到: whether it can be checked in now (data-check-in) */
  checkIn?: string;
}) {
  const { t } = useI18n();
  const mixed = useMixedText();
  return (
    <dl
      class="document__facts review"
      data-testid={testId}
      data-appointment={appointment.id}
      data-state={appointment.state}
      data-check-in={checkIn}
    >
      <div>
        <dt>{t('checkIn.item')}</dt>
        <dd lang={platformLanguage}>{appointment.itemName}</dd>
      </div>
      <div>
        <dt>{t('checkIn.time')}</dt>
        <dd>{t('checkIn.when', timesOf(appointment))}</dd>
      </div>
      <div>
        <dt>{t('checkIn.place')}</dt>
        <dd>{mixed('checkIn.where', { window: appointment.window }, { hall: appointment.hallName })}</dd>
      </div>
      {showCode ? (
        <div>
          <dt>{t('appointment.code')}</dt>
          <dd data-testid="appointment-code">{appointment.id}</dd>
        </div>
      ) : null}
    </dl>
  );
}
