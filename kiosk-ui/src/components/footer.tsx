import { useDisplayMode } from '../a11y/display-mode-context.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { SpeakerIcon } from './icons.tsx';
import { useMixedText } from './platform-text.tsx';

export interface FooterProps {
  siteName: string;
  helpPhone: string;
  /** replays the current screen's spoken guidance */
  onRepeatVoice: () => void;
}

/**
 * Bottom bar on every screen, where a hand rests: listen again, care mode (关爱模式) and high
 * contrast — each one tap from any screen, the attract screen included — plus where the kiosk is
 * and whom to call (consistent help, WCAG 3.2.6).
 */
export function Footer({ siteName, helpPhone, onRepeatVoice }: FooterProps) {
  const { t } = useI18n();
  const mixed = useMixedText();
  const mode = useDisplayMode();
  return (
    <footer class="footer">
      <span class="footer__site">{siteName ? mixed('footer.site', {}, { site: siteName }) : ''}</span>
      <div class="footer__tools">
        <button type="button" class="mode-button" data-action="repeat-voice" title={t('voice.repeatLabel')} onClick={onRepeatVoice}>
          <SpeakerIcon />
          {t('voice.repeat')}
        </button>
        <button
          type="button"
          class="mode-button"
          data-action="elder-mode"
          aria-pressed={mode.elder}
          title={t('mode.elderLabel')}
          onClick={() => mode.setElder(!mode.elder)}
        >
          {t('mode.elder')}
        </button>
        <button
          type="button"
          class="mode-button"
          data-action="high-contrast"
          aria-pressed={mode.highContrast}
          title={t('mode.contrastLabel')}
          onClick={() => mode.setHighContrast(!mode.highContrast)}
        >
          {t('mode.contrast')}
        </button>
      </div>
      <span class="footer__phone">{helpPhone ? t('footer.phone', { phone: helpPhone }) : ''}</span>
    </footer>
  );
}
