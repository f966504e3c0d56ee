import { useI18n } from '../i18n/language-context.tsx';
import { availableLanguages } from '../i18n/languages.ts';
import { nextLanguage } from '../i18n/translate.ts';

/**
 * One button, labelled in the language it switches to, so someone who cannot read the current one
 * finds it. With more than two languages it steps through them in order. `offered` (the site's
 * kiosk.languages) narrows the list; a site offering one language shows no switch at all.
 */
export function LanguageSwitch({ offered }: { offered?: readonly string[] | undefined } = {}) {
  const { language, setLanguage, t } = useI18n();
  const languages = offered ? availableLanguages.filter((info) => offered.includes(info.tag)) : availableLanguages;
  if (languages.length < 2) return null;
  const target = nextLanguage(
    language,
    languages.map((info) => info.tag),
  );
  const info = languages.find((candidate) => candidate.tag === target);
  // two languages: the catalogue's own wording ("English" / "中文") when they are the built-in pair; else the target's own name
  const builtInPair = languages.length === 2 && languages.every((candidate) => candidate.tag === 'zh-CN' || candidate.tag === 'en');
  const label = builtInPair ? t('language.switch') : (info?.name ?? target);
  return (
    <button
      type="button"
      class="tool-button"
      data-action="language"
      lang={target}
      dir={info?.dir}
      // the visible name stays the accessible name (WCAG 2.5.3); the longer wording is a description
      title={builtInPair ? t('language.switchLabel') : undefined}
      onClick={() => setLanguage(target)}
    >
      {label}
    </button>
  );
}
