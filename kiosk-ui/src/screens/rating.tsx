import type { RatingGrade } from '../flows/session.types.ts';
import { ratingIndicatorChoices } from '../flows/rating-indicators.ts';
import { BigButton } from '../components/big-button.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

const grades: readonly RatingGrade[] = [5, 4, 3, 2, 1];

/**
 * 好差评: five grades in the official order, none pre-selected or highlighted, one touch each;
 * a bad grade asks what went wrong before it is sent. Skipping is as easy as rating.
 */
export function RatingScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const saving = snapshot.matches({ inSession: { flow: { rating: 'saving' } } });
  const explaining = snapshot.matches({ inSession: { flow: { rating: 'explaining' } } });
  const { grade, indicators } = snapshot.context.rating;
  const skip = (
    <button
      type="button"
      class="big-button big-button--secondary"
      data-action="skip-rating"
      disabled={saving}
      onClick={() => send({ type: 'SKIP_RATING' })}
    >
      {t('rating.skip')}
    </button>
  );

  if (explaining && grade !== null) {
    return (
      <ScreenFrame
        name="rating"
        step="rating-indicators"
        title={t('rating.indicators.title')}
        actions={
          <>
            <BigButton tone="secondary" action="back" onPress={() => send({ type: 'BACK' })}>
              {t('rating.indicators.back')}
            </BigButton>
            {skip}
            <BigButton action="submit-rating" disabled={indicators.length === 0} onPress={() => send({ type: 'SUBMIT_RATING' })}>
              {t('rating.indicators.submit')}
            </BigButton>
          </>
        }
      >
        <p class="lead">{t('rating.indicators.body', { grade: t(`rating.grade.${grade}`) })}</p>
        <div class="rating-indicators" role="group" aria-label={t('rating.indicators.title')}>
          {ratingIndicatorChoices.map((indicator) => {
            const chosen = indicators.includes(indicator);
            return (
              <button
                key={indicator}
                type="button"
                class={`indicator-button${chosen ? ' indicator-button--chosen' : ''}`}
                data-action="indicator"
                data-indicator={indicator}
                aria-pressed={chosen}
                onClick={() => send({ type: 'TOGGLE_INDICATOR', indicator })}
              >
                <span aria-hidden="true">{chosen ? '☑ ' : '☐ '}</span>
                {t(`rating.indicator.${indicator}`)}
              </button>
            );
          })}
        </div>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame name="rating" title={t('rating.title')} actions={skip}>
      <p class="lead">{saving ? t('rating.saving') : t('rating.body')}</p>
      <div class="rating-grades" role="group" aria-label={t('rating.title')}>
        {grades.map((value) => (
          <button
            key={value}
            type="button"
            class={`rating-button rating-button--${value}`}
            data-action="rate"
            data-grade={String(value)}
            disabled={saving}
            onClick={() => send({ type: 'RATE', grade: value })}
          >
            <span class="rating-button__stars" aria-hidden="true">
              {'★'.repeat(value)}
              {'☆'.repeat(5 - value)}
            </span>
            <span>{t(`rating.grade.${value}`)}</span>
          </button>
        ))}
      </div>
    </ScreenFrame>
  );
}
