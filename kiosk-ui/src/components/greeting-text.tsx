import type { SessionView } from '@tongban/device-bridge/api';
import { useI18n } from '../i18n/language-context.tsx';
import { useMixedText } from './platform-text.tsx';

/**
 * "您好，张*先生": only the masked name the bridge sent ever reaches the screen; the name is marked
 * Chinese inside an English greeting ("Hello, Mr 张*").
 */
export function GreetingText({ session, large = false }: { session: SessionView; large?: boolean }) {
  const { t } = useI18n();
  const mixed = useMixedText();
  const salutation = t(`greeting.${session.salutation === 'none' ? 'none' : session.salutation}`);
  return (
    <span class={large ? 'greeting greeting--large' : 'greeting'} data-testid="greeting">
      {mixed('greeting.hello', { salutation }, { name: session.maskedName })}
    </span>
  );
}
