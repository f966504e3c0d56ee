import { catalogueFor, type LanguageTag } from './languages.ts';
import { catalogues, type MessageKey } from './messages.ts';

export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills `{name}` placeholders; a placeholder without a value stays visible. */
export function translate(language: LanguageTag, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogueFor(language)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Message keys are built from API values in a few places (rejection reasons, error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues['zh-CN'], key);
}

/** The next language for the one switch button (zh-CN ⇄ en; more languages rotate in order). */
export function nextLanguage<T extends LanguageTag>(current: T, order: readonly T[]): T {
  const index = order.indexOf(current);
  return order[(index + 1) % order.length] ?? current;
}
