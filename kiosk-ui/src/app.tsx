import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BridgeClient } from './bridge/client.ts';
import type { KioskRuntime } from './app/kiosk-runtime.ts';
import { useSessionSnapshot } from './app/use-snapshot.ts';
import { useDocumentLanguage } from './a11y/document-language.ts';
import { CountdownOverlay } from './components/countdown-overlay.tsx';
import { Footer } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { HelpDialog } from './components/help-dialog.tsx';
import { DevPanelToggle } from './dev-panel/dev-panel-toggle.tsx';
import { isCountdownShown, isIdentified, screenOf } from './flows/session.screens.ts';
import type { SessionEvent } from './flows/session.types.ts';
import { LanguageContext, type LanguageState } from './i18n/language-context.tsx';
import { defaultLanguage, type Language } from './i18n/messages.ts';
import { translate } from './i18n/translate.ts';
import { screenComponents } from './screens/screen-for.tsx';

export interface AppProps {
  runtime: KioskRuntime;
  client: BridgeClient;
}

export function App({ runtime, client }: AppProps) {
  const snapshot = useSessionSnapshot(runtime.actor);
  const send = (event: SessionEvent) => runtime.actor.send(event);
  const [language, setLanguage] = useState<Language>(defaultLanguage);
  const [helpOpen, setHelpOpen] = useState(false);
  const [simulated, setSimulated] = useState(() => runtime.health()?.simulated ?? false);
  useEffect(() => runtime.onHealth((health) => setSimulated(health.simulated)), [runtime]);

  const screen = screenOf(snapshot);
  const identified = isIdentified(snapshot);
  const { session, kiosk } = snapshot.context;

  // The next citizen starts from the defaults: language and open dialogs do not carry over.
  const wasIdentified = useRef(identified);
  useEffect(() => {
    if (wasIdentified.current && !identified) {
      setLanguage(defaultLanguage);
      setHelpOpen(false);
    }
    wasIdentified.current = identified;
  }, [identified]);

  // Any touch or key press counts as presence for the idle timer (captured before buttons act).
  useEffect(() => {
    const onActivity = () => runtime.actor.send({ type: 'USER_ACTIVITY' });
    document.addEventListener('pointerdown', onActivity, true);
    document.addEventListener('keydown', onActivity, true);
    return () => {
      document.removeEventListener('pointerdown', onActivity, true);
      document.removeEventListener('keydown', onActivity, true);
    };
  }, [runtime]);

  useDocumentLanguage(language);
  const i18n = useMemo<LanguageState>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language],
  );

  const Screen = screenComponents[screen];
  const exit = () => send({ type: 'EXIT' });
  return (
    <LanguageContext.Provider value={i18n}>
      <div class={`kiosk${session?.elder ? ' kiosk--elder' : ''}`} data-current-screen={screen}>
        <Header session={session} showGreeting={identified && screen !== 'greeting'} onExit={identified ? exit : null} onHelp={() => setHelpOpen(true)} />
        <main class="kiosk__main">
          <Screen key={screen} snapshot={snapshot} send={send} />
        </main>
        <Footer siteName={kiosk.siteName} helpPhone={kiosk.helpPhone} />
        {isCountdownShown(snapshot) ? (
          <CountdownOverlay seconds={snapshot.context.countdownRemaining} onMoreTime={() => send({ type: 'MORE_TIME' })} onExit={exit} />
        ) : null}
        {helpOpen ? <HelpDialog helpPhone={kiosk.helpPhone} onClose={() => setHelpOpen(false)} /> : null}
        {simulated ? <DevPanelToggle client={client} /> : null}
      </div>
    </LanguageContext.Provider>
  );
}
