import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function GoodbyeScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const { ratingOutcome } = snapshot.context;
  return (
    <ScreenFrame
      name="goodbye"
      title={t('goodbye.title')}
      actions={
        snapshot.matches('goodbye') ? (
          <BigButton tone="secondary" action="done" onPress={() => send({ type: 'DONE' })}>
            {t('cardRejected.done')}
          </BigButton>
        ) : null
      }
    >
      {ratingOutcome === 'saved' ? <p class="lead">{t('goodbye.rated')}</p> : null}
      {ratingOutcome === 'failed' ? <p class="notice">{t('goodbye.ratingFailed')}</p> : null}
      <p class="hero">{t('goodbye.body')}</p>
    </ScreenFrame>
  );
}
