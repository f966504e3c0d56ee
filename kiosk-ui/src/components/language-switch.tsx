import { useI18n } from '../i18n/language-context.tsx';
import { availableLanguages } from '../i18n/languages.ts';
import { nextLanguage } from '../i18n/translate.ts';

/**
 * One button, labelled in the language it switches to, so someone who cannot read the current one
 * finds it. With more than two languages it steps through them in order.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const target = nextLanguage(
    language,
    availableLanguages.map((info) => info.tag),
  );
  const info = availableLanguages.find((candidate) => candidate.tag === target);
  // two languages: the catalogue's own wording ("English" / "中文"); more: the target's own name
  const label = availableLanguages.length === 2 ? t('language.switch') : (info?.name ?? target);
  return (
    <button
      type="button"
      class="tool-button"
      data-action="language"
      lang={target}
      dir={info?.dir}
      // the visible name stays the accessible name (WCAG 2.5.3); the longer wording is a description
      title={availableLanguages.length === 2 ? t('language.switchLabel') : undefined}
      onClick={() => setLanguage(target)}
    >
      {label}
    </button>
  );
}
