import { useI18n } from '../i18n/language-context.tsx';
import { useFocusOnMount } from '../a11y/focus.ts';

/**
 * The idle warning: big remaining seconds and one big "more time" button. A modal dialog so the
 * button is the obvious thing to touch; exit stays in reach for someone who is done (its own
 * data-action, so `[data-action="exit"]` still names exactly one button: the header's).
 */
export function CountdownOverlay({ seconds, onMoreTime, onExit }: { seconds: number; onMoreTime: () => void; onExit: () => void }) {
  const { t } = useI18n();
  const buttonRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
      <div class="overlay__panel">
        <h2 id="idle-title" class="overlay__title">
          {t('idle.title')}
        </h2>
        {/* not a live region: a number spoken every second would drown the question itself */}
        <p class="countdown" data-testid="idle-countdown">
          <span class="countdown__seconds">{seconds}</span>
        </p>
        <p id="idle-body" class="overlay__body">
          {t('idle.body', { seconds })}
        </p>
        <div class="overlay__actions">
          <button
            type="button"
            ref={buttonRef}
            class="big-button big-button--primary big-button--huge"
            data-action="more-time"
            onClick={onMoreTime}
          >
            {t('idle.moreTime')}
          </button>
          <button
            type="button"
            class="big-button big-button--secondary"
            data-action="countdown-exit"
            aria-label={t('exit.label')}
            onClick={onExit}
          >
            {t('exit.button')}
          </button>
        </div>
      </div>
    </div>
  );
}
