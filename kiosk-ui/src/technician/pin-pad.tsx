import type { TechnicianContext, TechnicianEvent } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The PIN pad: digits as dots only, never echoed; the bridge checks the PIN and keeps the lockout. */
export function PinPad(props: {
  length: number;
  checking: boolean;
  notice: TechnicianContext['notice'];
  noticeDetail: string;
  send: (event: TechnicianEvent) => void;
}) {
  const { t } = useI18n();
  const { send } = props;
  return (
    <section class="technician__pin" data-technician-screen="pin">
      <h1 class="technician__title">{t('technician.pin.title')}</h1>
      <p class="technician__dots" aria-live="polite" data-pin-length={String(props.length)}>
        {props.length === 0 ? '\u00a0' : '●'.repeat(props.length)}
      </p>
      {props.notice ? (
        <p class="technician__notice" role="alert" data-technician-notice={props.notice}>
          {t(`technician.notice.${props.notice}`, { seconds: props.noticeDetail })}
        </p>
      ) : null}
      {props.checking ? <p class="technician__notice">{t('technician.pin.checking')}</p> : null}
      <div class="technician__keypad">
        {keys.map((digit) => (
          <button
            type="button"
            class="technician__key"
            data-pin-key={digit}
            disabled={props.checking}
            onClick={() => send({ type: 'DIGIT', digit })}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          class="technician__key technician__key--wide"
          data-action="technician-cancel"
          onClick={() => send({ type: 'CANCEL' })}
        >
          {t('technician.pin.cancel')}
        </button>
        <button
          type="button"
          class="technician__key"
          data-pin-key="0"
          disabled={props.checking}
          onClick={() => send({ type: 'DIGIT', digit: '0' })}
        >
          0
        </button>
        <button
          type="button"
          class="technician__key technician__key--wide"
          data-action="technician-delete"
          onClick={() => send({ type: 'DELETE' })}
        >
          {t('technician.pin.delete')}
        </button>
      </div>
      <button
        type="button"
        class="big-button big-button--primary"
        data-action="technician-submit"
        disabled={props.checking || props.length < 6}
        onClick={() => send({ type: 'SUBMIT' })}
      >
        {t('technician.pin.ok')}
      </button>
    </section>
  );
}
