import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import type { ScreenName } from '../flows/screen-names.ts';
import { useI18n } from '../i18n/language-context.tsx';
import { isMessageKey } from '../i18n/translate.ts';
import type { StepName } from '../voice/steps.ts';

/** The sentence for a journey's failure code, falling back to the generic one. */
export function useFailureText(): (code: string | null) => string {
  const { t } = useI18n();
  return (code) => {
    const key = `journey.failed.${code ?? 'generic'}`;
    return isMessageKey(key) ? t(key) : t('journey.failed.generic');
  };
}

/**
 * A journey waiting for the bridge: its own screen name, a spinner and "looking it up". Without a
 * step it speaks the screen's clip, which then goes on into the journey's first view.
 */
export function JourneyLoading({ name, title, step }: { name: ScreenName; title: string; step?: StepName }) {
  const { t } = useI18n();
  return (
    <ScreenFrame name={name} title={title} step={step}>
      <div class="spinner" role="progressbar" aria-label={t('journey.loading')} />
      <p class="lead" data-testid="journey-loading">
        {t('journey.loading')}
      </p>
    </ScreenFrame>
  );
}

/** A journey's failure in plain words, with a retry and the way back. */
export function JourneyFailure(props: {
  name: ScreenName;
  title: string;
  code: string | null;
  onRetry?: () => void;
  onBack?: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const failureText = useFailureText();
  return (
    <ScreenFrame
      name={props.name}
      tone="warning"
      step="journey-failed"
      title={props.title}
      actions={
        <>
          {props.onBack ? (
            <BigButton tone="secondary" action="back" onPress={props.onBack}>
              {t('journey.back')}
            </BigButton>
          ) : (
            <CloseJourney onClose={props.onClose} />
          )}
          {props.onRetry ? (
            <BigButton action="retry" onPress={props.onRetry}>
              {t('journey.retry')}
            </BigButton>
          ) : null}
        </>
      }
    >
      <p class="hero" role="alert" data-code={props.code ?? 'generic'}>
        {failureText(props.code)}
      </p>
    </ScreenFrame>
  );
}

export function CloseJourney({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <BigButton tone="secondary" action="close-journey" onPress={onClose}>
      {t('journey.close')}
    </BigButton>
  );
}
