import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import { isMessageKey } from '../i18n/translate.ts';
import type { ScreenProps } from './screen-props.ts';

/** A failure the citizen can act on: what happened in plain words, back to the menu, or exit / ask staff. */
export function ErrorScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const key = `error.${snapshot.context.failure ?? 'generic'}`;
  const canReprint = snapshot.can({ type: 'REPRINT' });
  return (
    <ScreenFrame
      name="error"
      tone="warning"
      title={t('error.title')}
      actions={
        <>
          <BigButton tone={canReprint ? 'secondary' : 'primary'} action="done" onPress={() => send({ type: 'DONE' })}>
            {t('error.back')}
          </BigButton>
          {canReprint ? (
            // offered only while the printer works, for a failed job, once
            <BigButton action="reprint" onPress={() => send({ type: 'REPRINT' })}>
              {t('error.reprint')}
            </BigButton>
          ) : null}
        </>
      }
    >
      <p class="hero" role="alert" data-code={snapshot.context.failure ?? 'generic'}>
        {isMessageKey(key) ? t(key) : t('error.generic')}
      </p>
    </ScreenFrame>
  );
}
