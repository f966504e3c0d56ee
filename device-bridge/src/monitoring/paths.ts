/** Paths of the monitoring routes (zod-free, so the UI may import it). */
export const uiHeartbeatPath = '/api/ui-heartbeat';
export const metricsPath = '/metrics';
