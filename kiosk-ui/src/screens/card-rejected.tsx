import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function CardRejectedScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const reason = snapshot.context.rejection ?? 'unreadable';
  return (
    <ScreenFrame
      name="card-rejected"
      tone="warning"
      title={t('cardRejected.title')}
      actions={
        <BigButton action="done" onPress={() => send({ type: 'DONE' })}>
          {t('cardRejected.done')}
        </BigButton>
      }
    >
      <p class="lead" role="alert" data-reason={reason}>
        {t(`cardRejected.${reason}`)}
      </p>
    </ScreenFrame>
  );
}
