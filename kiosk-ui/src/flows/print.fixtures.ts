import type { PrintEvent, PrintInput, PrintSnapshot } from './print.machine.ts';
import { contributionPreview, jobIn } from './session.fixtures.ts';

// What the print journey can be told, for walking it with @xstate/graph: the citizen's taps, the
// printer and the job changing, and every result of its actors as the event XState itself delivers
// (`xstate.done.actor.<invoke id>`), like deterministic fakes that answer at once.

const synthetic = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra }) as unknown as PrintEvent;
export const printActorDone = (id: string, output?: unknown) => synthetic(`xstate.done.actor.${id}`, { output });
export const printActorFailed = (id: string, code: string) => synthetic(`xstate.error.actor.${id}`, { error: { code } });

export const printInput: PrintInput = { service: 'social-insurance-contribution', printerWorks: true };

/** the reprint the bridge answers with: the failed job-1 once more, as job-2 */
export const reprintedJob = jobIn('queued', { id: 'job-2', reprintOf: 'job-1' });

export const printEvents: PrintEvent[] = [
  { type: 'PRINT' },
  { type: 'PRINT_COPIES', copies: 2 },
  { type: 'REPRINT' },
  { type: 'BACK' },
  { type: 'DONE' },
  { type: 'PRINTER', works: false },
  { type: 'PRINTER', works: true },
  { type: 'JOB', job: jobIn('printing', { pagesPrinted: 0 }) },
  { type: 'JOB', job: jobIn('held', { reason: 'paper-out' }) },
  { type: 'JOB', job: jobIn('completed') },
  { type: 'JOB', job: jobIn('failed', { reason: 'jam' }) },
  { type: 'JOB', job: jobIn('completed', { id: 'job-2', reprintOf: 'job-1' }) },
  printActorDone('loadPreview', contributionPreview),
  printActorFailed('loadPreview', 'platform-unavailable'),
  printActorDone('submitPrint', jobIn('queued')),
  printActorFailed('submitPrint', 'printer-unavailable'),
  printActorDone('reprint', reprintedJob),
  printActorFailed('reprint', 'reprint-used'),
];

/**
 * The events that can reach the journey in a state: an actor's result only while that actor runs,
 * as in a real run (an error from an actor that is not running would stop the machine).
 */
export function printEventsFor(state: PrintSnapshot): PrintEvent[] {
  return printEvents.filter((event) => {
    const actor = /^xstate\.(?:done|error)\.actor\.(.+)$/.exec(event.type)?.[1];
    return actor === undefined || actor in state.children;
  });
}
