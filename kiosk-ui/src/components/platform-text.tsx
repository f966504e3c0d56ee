import type { FormField } from '@tongban/device-bridge/api';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/language-context.tsx';
import { isMessageKey, type MessageParams } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * The language the government service platform writes in. Item names, guides, form labels and
 * options, record titles and labels, halls and offices come from the platform as it wrote them; the
 * kiosk cannot translate a provincial platform's text, so it marks it, and a screen reader (or any
 * speech) reads it as Chinese inside an English screen. The same goes for other Chinese data shown
 * as it came: the citizen's masked name (ID card), the site's name (config), pinyin candidates.
 */
export const platformLanguage = 'zh-CN';

/** Text from the platform, marked with its language. */
export function PlatformText({ children }: { children: ComponentChildren }) {
  return <span lang={platformLanguage}>{children}</span>;
}

/**
 * A kiosk message with some of its placeholders filled by platform text: the kiosk's words in the
 * screen's language, the platform's parts marked as Chinese ("{name}: guide and documents").
 */
export function useMixedText(): (key: MessageKey, params: MessageParams, platformParams: Record<string, string>) => ComponentChildren {
  const { t } = useI18n();
  return (key, params, platformParams) => {
    const keep = Object.fromEntries(Object.keys(platformParams).map((name) => [name, `{${name}}`]));
    const template = t(key, { ...params, ...keep });
    return template.split(/(\{\w+\})/).map((part, index) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && Object.hasOwn(platformParams, name) ? (
        <PlatformText key={index}>{platformParams[name]}</PlatformText>
      ) : (
        part
      );
    });
  };
}

/**
 * A form field's label: a field the kiosk knows by its stable id (`apply.field.<id>`, e.g. phone)
 * gets the kiosk's own words outside Chinese; any other keeps the platform's label, marked Chinese.
 * In Chinese the platform's own label is shown: it is the authoritative wording.
 */
export function useFieldLabel(): (field: FormField) => ComponentChildren {
  const { t, language } = useI18n();
  return (field) => {
    const own = `apply.field.${field.id}`;
    if (language !== platformLanguage && isMessageKey(own)) return t(own);
    return <PlatformText>{field.label}</PlatformText>;
  };
}
