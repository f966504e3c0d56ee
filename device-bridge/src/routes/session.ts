import { noSession } from '../errors/domain-error.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { SessionHolder } from '../session/session-holder.ts';

/** GET /api/session (the masked view) and DELETE /api/session (the citizen leaves; wiped). */
export function sessionHandlers(deps: { sessions: Pick<SessionHolder, 'view' | 'end'> }): EndpointHandlers<'session' | 'endSession'> {
  return {
    session: () => {
      const view = deps.sessions.view();
      if (!view) throw noSession();
      return view;
    },
    endSession: ({ body }) => {
      // ending a session that is already gone is fine: the citizen's intent is met either way
      deps.sessions.end(body.reason);
    },
  };
}
