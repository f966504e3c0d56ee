import { useI18n } from '../i18n/language-context.tsx';
import { useFocusOnMount } from '../a11y/focus.ts';

/**
 * "Ask staff": the kiosk has no call button hardware, so it says plainly how to reach a person —
 * raise a hand or go to the desk — and shows the hall's phone number.
 */
export function HelpDialog({ helpPhone, onClose }: { helpPhone: string; onClose: () => void }) {
  const { t } = useI18n();
  const closeRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div class="overlay__panel">
        <h2 id="help-title" class="overlay__title">
          {t('help.title')}
        </h2>
        <p class="overlay__body">{t('help.body')}</p>
        {helpPhone ? <p class="overlay__body overlay__phone">{t('help.phone', { phone: helpPhone })}</p> : null}
        <div class="overlay__actions">
          <button type="button" ref={closeRef} class="big-button big-button--primary" data-action="close-help" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
