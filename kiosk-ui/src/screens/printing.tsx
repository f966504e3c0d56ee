import { ScreenFrame } from '../components/screen-frame.tsx';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

/** Progress of the one job; while the printer is held the citizen is told to ask staff, and it keeps waiting. */
export function PrintingScreen({ snapshot }: ScreenProps) {
  const { t } = useI18n();
  const { job } = snapshot.context;
  const status = !job
    ? t('printing.submitting')
    : job.state === 'queued'
      ? t('printing.queued')
      : job.state === 'submitted'
        ? t('printing.submitted')
      : t('printing.progress', { page: Math.min(job.pagesPrinted + 1, job.pages), pages: job.pages });
  const held = job?.state === 'held';
  return (
    <ScreenFrame name="printing" title={t('printing.title')} tone={held ? 'warning' : 'normal'}>
      {held ? null : <div class="spinner" aria-hidden="true" />}
      <p class="lead" data-testid="print-status" aria-live="polite">
        {status}
      </p>
      {held ? (
        <p class="notice notice--warning" role="alert" data-testid="print-held" data-reason={job.reason}>
          {t('printing.held')}
        </p>
      ) : (
        <p class="note">{t('printing.pleaseWait')}</p>
      )}
    </ScreenFrame>
  );
}
