import { apiPaths } from '../api/routes.ts';

/** Paths of the monitoring routes. */
export const uiHeartbeatPath = apiPaths.uiHeartbeat;
export const metricsPath = '/metrics';
