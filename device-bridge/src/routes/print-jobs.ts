import { DomainError } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { PrintService } from '../printing/print-service.ts';

/**
 * POST /api/print-jobs answers 202 only after the job is committed; GET follows one job;
 * POST /api/print-jobs/:id/reprint prints a failed job once more in the same session.
 * Failed jobs nobody handled are listed and acknowledged only in technician mode
 * (routes/technician.ts), never from the citizen's page.
 */
export function printJobHandlers(deps: {
  printService: Pick<PrintService, 'submit' | 'get' | 'reprint'>;
}): EndpointHandlers<'printJobs' | 'printJob' | 'printJobReprint'> {
  const { printService } = deps;
  return {
    printJobs: ({ body, session }) => printService.submit(session, body.type, body.copies),
    printJob: ({ params }) => {
      const job = printService.get(params.id);
      if (!job) throw new DomainError('not-found', 'there is no print job with this id');
      return job;
    },
    printJobReprint: ({ params, session }) => printService.reprint(session, params.id),
  };
}
