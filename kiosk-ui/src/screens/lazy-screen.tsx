import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { ScreenName } from '../flows/screen-names.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ScreenProps } from './screen-props.ts';

/**
 * A screen whose code (keyboard, pinyin table, long guides) loads on first use, keeping the first
 * paint of the kiosk small. The module is fetched once and kept; until it is there, the screen's
 * frame with a spinner shows under the right `data-screen` name.
 */
export function lazyScreen(
  name: ScreenName,
  titleKey: MessageKey,
  load: () => Promise<ComponentType<ScreenProps>>,
): ComponentType<ScreenProps> {
  let loaded: ComponentType<ScreenProps> | null = null;
  let loading: Promise<ComponentType<ScreenProps>> | null = null;
  return function LazyScreen(props: ScreenProps) {
    const { t } = useI18n();
    const [Screen, setScreen] = useState<ComponentType<ScreenProps> | null>(() => loaded);
    useEffect(() => {
      if (Screen) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      void loading.then((component) => live && setScreen(() => component));
      return () => {
        live = false;
      };
    }, [Screen]);
    if (Screen) return <Screen {...props} />;
    return (
      <ScreenFrame name={name} title={t(titleKey)}>
        <div class="spinner" aria-hidden="true" />
      </ScreenFrame>
    );
  };
}
