import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

export function OutOfServiceScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const { helpPhone } = snapshot.context.kiosk;
  return (
    <ScreenFrame name="out-of-service" title={t('outOfService.title')} tone="warning">
      <p class="hero">{t('outOfService.body')}</p>
      {helpPhone ? (
        <p class="phone" data-testid="help-phone">
          {t('outOfService.phone', { phone: helpPhone })}
        </p>
      ) : null}
    </ScreenFrame>
  );
}
