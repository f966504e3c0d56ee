import { BigButton } from '../components/big-button.tsx';
import { GreetingText } from '../components/greeting-text.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function GreetingScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const { session } = snapshot.context;
  return (
    <ScreenFrame
      name="greeting"
      title={t('greeting.body')}
      actions={
        <BigButton action="continue" onPress={() => send({ type: 'CONTINUE' })}>
          {t('greeting.continue')}
        </BigButton>
      }
    >
      {session ? (
        <p class="hero">
          <GreetingText session={session} large />
        </p>
      ) : null}
    </ScreenFrame>
  );
}
