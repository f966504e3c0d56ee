import { builtInLanguageInfo, type LanguageInfo } from './built-in-languages.ts';
import { localeProblems, type LocaleFile } from './locale-file.ts';
import { catalogues, defaultLanguage, languages as builtInTags, type MessageKey } from './messages.ts';

export type { LanguageInfo } from './built-in-languages.ts';
export type { LocaleFile } from './locale-file.ts';

/**
 * The languages the kiosk offers. zh-CN and English are built in (messages.ts, checked by tsc);
 * any further language (e.g. a minority language such as Uyghur or Tibetan) is a data file
 * `locales/<tag>.json`, picked up at build time with no code change — see locales/README.md.
 */
import type { LanguageTag } from './language-tag.ts';

export type { LanguageTag };

const builtInInfo = builtInLanguageInfo;

// Vite bundles every locales/*.json at build time; a broken file fails loudly rather than half-loading.
const localeModules = import.meta.glob<LocaleFile>('./locales/*.json', { eager: true, import: 'default' });

function loadLocales(modules: Record<string, LocaleFile>): LocaleFile[] {
  return Object.entries(modules).map(([file, locale]) => {
    const problems = localeProblems(locale);
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
    return locale;
  });
}

export const extraLocales: readonly LocaleFile[] = loadLocales(localeModules);

/** Every language on offer, built-in first, in switch order. */
export const availableLanguages: readonly LanguageInfo[] = [
  ...builtInTags.map((tag) => builtInInfo[tag]),
  ...extraLocales.map((locale) => locale.language),
];

/** The text table for a tag: built-in catalogue, or the locale file over the zh-CN fallback. */
export function catalogueFor(tag: LanguageTag): Record<MessageKey, string> {
  if (Object.hasOwn(catalogues, tag)) return catalogues[tag as (typeof builtInTags)[number]];
  const locale = extraLocales.find((candidate) => candidate.language.tag === tag);
  return locale ? { ...catalogues[defaultLanguage], ...locale.messages } : catalogues[defaultLanguage];
}

export function languageInfo(tag: LanguageTag): LanguageInfo {
  return availableLanguages.find((info) => info.tag === tag) ?? builtInInfo[defaultLanguage];
}
