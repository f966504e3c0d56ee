import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BridgeClient } from './bridge/client.ts';
import type { KioskRuntime } from './app/kiosk-runtime.ts';
import { useSessionSnapshot } from './app/use-snapshot.ts';
import { useDocumentLanguage } from './a11y/document-language.ts';
import { displayModeAttributes, speechRate } from './a11y/display-mode.ts';
import { DisplayModeContext, type DisplayModeState } from './a11y/display-mode-context.ts';
import { wipeBrowserTraces } from './a11y/wipe-browser-traces.ts';
import { CountdownOverlay } from './components/countdown-overlay.tsx';
import { Footer } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { HelpDialog } from './components/help-dialog.tsx';
import { DevPanelToggle } from './dev-panel/dev-panel-toggle.tsx';
import { TechnicianMode } from './technician/technician-mode.tsx';
import { isCountdownShown, isIdentified, screenOf } from './flows/session.screens.ts';
import type { SessionEvent } from './flows/session.types.ts';
import { displayModeOf } from './flows/visit-settings.ts';
import { LanguageContext, type LanguageState } from './i18n/language-context.tsx';
import { defaultLanguage } from './i18n/messages.ts';
import { translate } from './i18n/translate.ts';
import { screenComponents } from './screens/screen-for.tsx';
import { useVoiceGuide } from './voice/use-voice-guide.ts';
import { VoiceStepContext, type VoiceStepName } from './voice/voice-step.ts';

export interface AppProps {
  runtime: KioskRuntime;
  client: BridgeClient;
}

export function App({ runtime, client }: AppProps) {
  const snapshot = useSessionSnapshot(runtime.actor);
  const send = (event: SessionEvent) => runtime.actor.send(event);
  const [simulated, setSimulated] = useState(() => runtime.health()?.simulated ?? false);
  useEffect(() => runtime.onHealth((health) => setSimulated(health.simulated)), [runtime]);

  const screen = screenOf(snapshot);
  const identified = isIdentified(snapshot);
  const { session, kiosk, visit } = snapshot.context;
  // language, display mode and help are the visit's: the session machine sets them and resets them for the next citizen
  const language = visit.language ?? defaultLanguage;
  const { elder, highContrast } = displayModeOf(visit);
  const display = useMemo<DisplayModeState>(
    () => ({
      elder,
      highContrast,
      setElder: (choice) => runtime.actor.send({ type: 'SET_ELDER', elder: choice }),
      setHighContrast: (choice) => runtime.actor.send({ type: 'SET_HIGH_CONTRAST', highContrast: choice }),
    }),
    [runtime, elder, highContrast],
  );
  const countdownShown = isCountdownShown(snapshot);
  // what the voice says: the overlay on top if there is one, else the screen
  const [voiceStep, setVoiceStep] = useState<VoiceStepName | null>(null);
  const voice = useVoiceGuide(
    countdownShown ? 'idle-warning' : visit.helpOpen ? 'staff-called' : (voiceStep ?? screen),
    language,
    speechRate(display),
  );

  // What the browser keeps of a visit goes with it, when the machine says the visit is over.
  useEffect(() => {
    const subscription = runtime.actor.on('visit-ended', () => void wipeBrowserTraces());
    return () => subscription.unsubscribe();
  }, [runtime]);

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
    () => ({
      language,
      setLanguage: (choice) => runtime.actor.send({ type: 'SET_LANGUAGE', language: choice }),
      t: (key, params) => translate(language, key, params),
    }),
    [runtime, language],
  );

  const Screen = screenComponents[screen];
  const exit = () => send({ type: 'EXIT' });
  return (
    <LanguageContext.Provider value={i18n}>
      <DisplayModeContext.Provider value={display}>
        <VoiceStepContext.Provider value={setVoiceStep}>
          <div class="kiosk" data-current-screen={screen} {...displayModeAttributes(display)}>
            <Header
              session={session}
              showGreeting={identified && screen !== 'greeting'}
              onExit={identified ? exit : null}
              onHelp={() => send({ type: 'OPEN_HELP' })}
              languages={kiosk.languages}
            />
            <main class="kiosk__main">
              <Screen key={screen} snapshot={snapshot} send={send} />
            </main>
            <Footer siteName={kiosk.siteName} helpPhone={kiosk.helpPhone} onRepeatVoice={() => void voice.repeat()} />
            {countdownShown ? (
              <CountdownOverlay
                seconds={snapshot.context.countdownRemaining}
                onMoreTime={() => send({ type: 'MORE_TIME' })}
                onExit={exit}
              />
            ) : null}
            {visit.helpOpen ? (
              <HelpDialog client={client} helpPhone={kiosk.helpPhone} screen={screen} onClose={() => send({ type: 'CLOSE_HELP' })} />
            ) : null}
            {simulated ? <DevPanelToggle client={client} /> : null}
            <TechnicianMode enabled={!identified} client={client} />
          </div>
        </VoiceStepContext.Provider>
      </DisplayModeContext.Provider>
    </LanguageContext.Provider>
  );
}
