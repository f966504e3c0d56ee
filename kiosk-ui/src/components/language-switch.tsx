import { useI18n } from '../i18n/language-context.tsx';
import { languages } from '../i18n/messages.ts';
import { nextLanguage } from '../i18n/translate.ts';

/** One button, labelled in the language it switches to, so someone who cannot read the current one finds it. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const target = nextLanguage(language, languages);
  return (
    <button
      type="button"
      class="tool-button"
      data-action="language"
      lang={target}
      aria-label={t('language.switchLabel')}
      onClick={() => setLanguage(target)}
    >
      {t('language.switch')}
    </button>
  );
}
