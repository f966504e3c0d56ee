import type { ApplicationService } from '../applications/application-service.ts';
import type { FaceCheck } from '../face/face-check.ts';
import { answered, type EndpointHandlers } from '../http/endpoint-router.ts';
import type { EventLogger } from '../log/logger.ts';

/**
 * POST /api/applications: stored with its outbox row before the reply (201; the same
 * idempotencyKey again → 200 with the same receipt); identity-not-verified until the person was
 * confirmed in this session (face, e-ID or staff). GET: progress of my applications. The
 * applicant is the session's citizen, never a body field (一号申请).
 */
export function applicationHandlers(deps: {
  applications: ApplicationService;
  faceCheck: Pick<FaceCheck, 'verification'>;
  logger: EventLogger;
}): EndpointHandlers<'applications' | 'submitApplication'> {
  return {
    applications: ({ session }) => deps.applications.list(session.identity),
    submitApplication: async ({ body, session }) => {
      const { receipt, created } = await deps.applications.submit(session.identity, body, deps.faceCheck.verification());
      deps.logger.log('application-stored', {
        item: receipt.itemCode,
        local: receipt.localNumber,
        delivered: receipt.delivery === 'delivered',
        repeated: !created,
      });
      return created ? receipt : answered(200, receipt);
    },
  };
}
