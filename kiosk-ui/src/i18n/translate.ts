import { catalogues, type Language, type MessageKey } from './messages.ts';

export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills `{name}` placeholders; a placeholder without a value stays visible. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Message keys are built from API values in a few places (rejection reasons, error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues['zh-CN'], key);
}

/** The next language for the one switch button (zh-CN ⇄ en; more languages rotate in order). */
export function nextLanguage(current: Language, order: readonly Language[]): Language {
  const index = order.indexOf(current);
  return order[(index + 1) % order.length] ?? current;
}
