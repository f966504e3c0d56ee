import type { PrintProblem } from '@tongban/device-bridge/api';
import type { TechnicianEvent } from '../flows/technician.machine.ts';
import { useI18n } from '../i18n/language-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Failure codes the bridge gives (print service, CUPS, simulator) that have their own plain words. */
const explainedReasons = new Set([
  'paper-out',
  'jam',
  'cover-open',
  'offline',
  'aborted',
  'stopped',
  'document-missing',
  'invalid-document',
  'cancelled',
]);

const shortTime = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/**
 * 打印异常: failed print jobs the citizen may have walked away from, in plain words, each with
 * 已处理 once the technician has dealt with it (reloaded paper, called the citizen back, …).
 */
export function PrintProblems({ problems, send }: { problems: PrintProblem[]; send: (event: TechnicianEvent) => void }) {
  const { t } = useI18n();
  const reasonText = (problem: PrintProblem) => {
    const code = problem.reason ?? (problem.state === 'cancelled' ? 'cancelled' : 'aborted');
    return explainedReasons.has(code)
      ? t(`technician.printProblems.reason.${code}` as MessageKey)
      : t('technician.printProblems.reason.other', { code });
  };
  const reprintText = (problem: PrintProblem) => {
    if (problem.isReprint) return t('technician.printProblems.isReprint');
    if (!problem.reprint) return t('technician.printProblems.reprint.none');
    if (problem.reprint.state === 'completed') return t('technician.printProblems.reprint.completed');
    if (problem.reprint.state === 'failed' || problem.reprint.state === 'cancelled') return t('technician.printProblems.reprint.failed');
    return t('technician.printProblems.reprint.pending');
  };
  return (
    <section class="technician__print-problems" data-print-problems={String(problems.length)}>
      <h2>{t('technician.printProblems.title')}</h2>
      {problems.length === 0 ? (
        <p>{t('technician.printProblems.none')}</p>
      ) : (
        <ul class="technician__devices">
          {problems.map((problem) => (
            <li
              class="technician__device"
              key={problem.id}
              data-print-problem={problem.id}
              data-print-problem-reason={problem.reason ?? ''}
            >
              <div>
                <strong>{t(`menu.service.${problem.certificateType}` as MessageKey)}</strong>{' '}
                <span>{t('technician.printProblems.copies', { count: problem.copies })}</span>
                <div class="technician__state technician__state--fault">{reasonText(problem)}</div>
                <div class="technician__details">
                  {t('technician.printProblems.started', { time: shortTime(problem.createdAt) })} ·{' '}
                  {t('technician.printProblems.stopped', { time: shortTime(problem.failedAt) })} · {reprintText(problem)}
                </div>
              </div>
              <button
                type="button"
                class="tool-button"
                data-action="technician-print-problem-handled"
                onClick={() => send({ type: 'PRINT_PROBLEM_HANDLED', jobId: problem.id })}
              >
                {t('technician.printProblems.handled')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
