import type { QueueTicket } from '@tongban/device-bridge/api';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useMixedText } from '../components/platform-text.tsx';
import type { ScreenName } from '../flows/screen-names.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { VoiceStepName } from '../voice/voice-step.ts';

export interface QueueTicketViewProps {
  /** the screen the ticket shows on: 取号 (queue) or 预约签到 (appointment) */
  name: ScreenName;
  step: VoiceStepName;
  title: string;
  ticket: QueueTicket;
  /** 取号 lists the windows that call the number; 预约签到 does not */
  showWindows: boolean;
  onDone: () => void;
}

/** A queue number just taken: the number, how many are ahead, the hall and whether the ticket printed. */
export function QueueTicketView({ name, step, title, ticket, showWindows, onDone }: QueueTicketViewProps) {
  const { t } = useI18n();
  const mixed = useMixedText();
  return (
    <ScreenFrame
      name={name}
      step={step}
      title={title}
      actions={
        <BigButton action="done" onPress={onDone}>
          {t('queue.done')}
        </BigButton>
      }
    >
      <p class="queue-number" data-testid="queue-number">
        {ticket.number}
      </p>
      <p class="lead" data-testid="queue-ahead">
        {t('queue.ahead', { count: ticket.ahead })}
      </p>
      <p class="lead">{mixed('queue.hall', {}, { hall: ticket.hallName })}</p>
      {showWindows && ticket.windows.length > 0 && (
        <p class="lead" data-testid="queue-windows">
          {t('queue.windows', { windows: ticket.windows.join(t('queue.windowsSeparator')) })}
        </p>
      )}
      <p class="note" data-printed={String(ticket.printed)}>
        {ticket.printed ? t('queue.printed') : t('queue.notPrinted')}
      </p>
    </ScreenFrame>
  );
}
