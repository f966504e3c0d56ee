import type { RatingGrade } from '../flows/session.types.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

const grades: readonly RatingGrade[] = [5, 4, 3, 2, 1];

/** 好差评: five grades in the official order, one touch each, and skipping is just as easy. */
export function RatingScreen({ snapshot, send }: ScreenProps) {
  const { t } = useI18n();
  const saving = snapshot.matches({ inSession: { flow: { rating: 'saving' } } });
  return (
    <ScreenFrame
      name="rating"
      title={t('rating.title')}
      actions={
        <button type="button" class="big-button big-button--secondary" data-action="skip-rating" disabled={saving} onClick={() => send({ type: 'SKIP_RATING' })}>
          {t('rating.skip')}
        </button>
      }
    >
      <p class="lead">{saving ? t('rating.saving') : t('rating.body')}</p>
      <div class="rating-grades" role="group" aria-label={t('rating.title')}>
        {grades.map((grade) => (
          <button
            key={grade}
            type="button"
            class={`rating-button rating-button--${grade}`}
            data-action="rate"
            data-grade={String(grade)}
            disabled={saving}
            onClick={() => send({ type: 'RATE', grade })}
          >
            <span class="rating-button__stars" aria-hidden="true">
              {'★'.repeat(grade)}
              {'☆'.repeat(5 - grade)}
            </span>
            <span>{t(`rating.grade.${grade}`)}</span>
          </button>
        ))}
      </div>
    </ScreenFrame>
  );
}
