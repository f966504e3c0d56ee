import type { SessionView } from '@tongban/device-bridge/api';
import { useI18n } from '../i18n/language-context.tsx';
import { GreetingText } from './greeting-text.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export interface HeaderProps {
  /** the identified citizen, for the masked greeting; null before identification */
  session: SessionView | null;
  showGreeting: boolean;
  onExit: (() => void) | null;
  /** "call staff": always in the same place, on every screen (WCAG 3.2.6 consistent help) */
  onHelp: () => void;
  /** the languages the site offers (absent: all the UI has) */
  languages?: readonly string[];
}

/**
 * Top bar on every screen: who is served (masked), language, exit once identified, and call staff.
 * Call staff sits in a slot of its own at the top right (styles.css `.tool-button--staff`): the
 * language label's width, the exit button appearing or the brand wrapping never move it, in either
 * language or orientation; it is also last in reading order on every screen.
 */
export function Header({ session, showGreeting, onExit, onHelp, languages }: HeaderProps) {
  const { t } = useI18n();
  return (
    <header class="header">
      <div class="header__brand">{t('app.title')}</div>
      <div class="header__who">{session && showGreeting ? <GreetingText session={session} /> : null}</div>
      <div class="header__tools">
        <LanguageSwitch offered={languages} />
        {onExit ? (
          <button type="button" class="tool-button tool-button--exit" data-action="exit" aria-label={t('exit.label')} onClick={onExit}>
            {t('exit.button')}
          </button>
        ) : null}
      </div>
      <button type="button" class="tool-button tool-button--staff" data-action="call-staff" onClick={onHelp}>
        {t('staff.button')}
      </button>
    </header>
  );
}
