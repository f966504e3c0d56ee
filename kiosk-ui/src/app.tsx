import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BridgeClient } from './bridge/client.ts';
import type { KioskRuntime } from './app/kiosk-runtime.ts';
import { useSessionSnapshot } from './app/use-snapshot.ts';
import { useDocumentLanguage } from './a11y/document-language.ts';
import { DisplayModeContext, displayModeAttributes, pacingFactor, speechRate, useDisplayModeState } from './a11y/display-mode.ts';
import { wipeBrowserTraces } from './a11y/wipe-browser-traces.ts';
import { CountdownOverlay } from './components/countdown-overlay.tsx';
import { Footer } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { HelpDialog } from './components/help-dialog.tsx';
import { DevPanelToggle } from './dev-panel/dev-panel-toggle.tsx';
import { TechnicianMode } from './technician/technician-mode.tsx';
import { isCountdownShown, isIdentified, screenOf } from './flows/session.screens.ts';
import type { SessionEvent } from './flows/session.types.ts';
import { LanguageContext, type LanguageState } from './i18n/language-context.tsx';
import type { LanguageTag } from './i18n/languages.ts';
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
  const [language, setLanguage] = useState<LanguageTag>(defaultLanguage);
  const [helpOpen, setHelpOpen] = useState(false);
  const [simulated, setSimulated] = useState(() => runtime.health()?.simulated ?? false);
  useEffect(() => runtime.onHealth((health) => setSimulated(health.simulated)), [runtime]);

  const screen = screenOf(snapshot);
  const identified = isIdentified(snapshot);
  const { session, kiosk } = snapshot.context;
  const display = useDisplayModeState(session ? session.elder : null);
  const countdownShown = isCountdownShown(snapshot);
  // elder mode slows every read-and-act delay of the flow (greeting, notices, idle limits)
  const pacing = pacingFactor(display);
  useEffect(() => {
    runtime.actor.send({ type: 'SET_PACING', factor: pacing });
    // the tap that changed the mode was activity too: restart the idle limit at the new pacing
    runtime.actor.send({ type: 'USER_ACTIVITY' });
  }, [runtime, pacing]);
  // what the voice says: the overlay on top if there is one, else the screen
  const [voiceStep, setVoiceStep] = useState<VoiceStepName | null>(null);
  const voice = useVoiceGuide(
    countdownShown ? 'idle-warning' : helpOpen ? 'staff-called' : (voiceStep ?? screen),
    language,
    speechRate(display),
  );

  // The next citizen starts from the defaults: language and open dialogs do not carry over.
  // The goodbye still speaks to this citizen in their language and mode; the reset comes after it.
  // A card swapped mid-visit (another session replaces this one) is a new citizen as well.
  const wasIdentified = useRef(identified);
  const servedSession = useRef<string | null>(null);
  const visitOver = !identified && screen !== 'goodbye';
  const sessionId = session?.id ?? null;
  // a layout effect: the next citizen's first painted frame already shows the defaults
  useLayoutEffect(() => {
    const anotherCitizen = sessionId !== null && servedSession.current !== null && sessionId !== servedSession.current;
    if (sessionId !== null) servedSession.current = sessionId;
    if (identified && !anotherCitizen) {
      wasIdentified.current = true;
    } else if ((wasIdentified.current && visitOver) || anotherCitizen) {
      wasIdentified.current = identified;
      if (!identified) servedSession.current = null;
      setLanguage(defaultLanguage);
      setHelpOpen(false);
      display.reset();
      void wipeBrowserTraces();
    }
  }, [identified, visitOver, sessionId]);

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
  const i18n = useMemo<LanguageState>(() => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }), [language]);

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
              onHelp={() => setHelpOpen(true)}
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
            {helpOpen ? <HelpDialog helpPhone={kiosk.helpPhone} screen={screen} onClose={() => setHelpOpen(false)} /> : null}
            {simulated ? <DevPanelToggle client={client} /> : null}
            <TechnicianMode enabled={!identified} />
          </div>
        </VoiceStepContext.Provider>
      </DisplayModeContext.Provider>
    </LanguageContext.Provider>
  );
}
