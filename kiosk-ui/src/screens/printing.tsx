import type { PrintJobView } from '@tongban/device-bridge/api';
import { useActorSnapshot } from '../app/use-actor-snapshot.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { printActorOf, type PrintActorRef } from '../flows/session.screens.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { ScreenProps } from './screen-props.ts';

/**
 * Progress of the one job; while the printer is held the citizen is told to ask staff, and it keeps
 * waiting. "Page n of m" only once the printer has counted a page: a printer that never reports pages
 * (many CUPS drivers) would otherwise show "page 1" for the whole job.
 */
export function PrintingScreen({ snapshot }: ScreenProps) {
  const actor = printActorOf(snapshot);
  // the print journey runs whenever its screens are up; without it no job has been sent yet
  return actor ? <PrintJobProgress actor={actor} /> : <PrintingStatus job={null} />;
}

function PrintJobProgress({ actor }: { actor: PrintActorRef }) {
  return <PrintingStatus job={useActorSnapshot(actor).context.job} />;
}

function PrintingStatus({ job }: { job: PrintJobView | null }) {
  const { t } = useI18n();
  // sheets of all copies, as the printer counts them
  const sheets = job ? job.pages * (job.copies ?? 1) : 0;
  const status = !job
    ? t('printing.submitting')
    : job.state === 'queued'
      ? t('printing.queued')
      : job.state === 'submitted'
        ? t('printing.submitted')
        : job.pagesPrinted > 0
          ? t('printing.progress', { page: Math.min(job.pagesPrinted + 1, sheets), pages: sheets })
          : t('printing.allPages', { pages: sheets });
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
