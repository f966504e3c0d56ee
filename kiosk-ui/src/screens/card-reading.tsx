import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';

export function CardReadingScreen() {
  const { t } = useI18n();
  return (
    <ScreenFrame name="card-reading" title={t('cardReading.title')}>
      <div class="spinner" role="progressbar" aria-label={t('cardReading.title')} />
      <p class="lead">{t('cardReading.body')}</p>
    </ScreenFrame>
  );
}
