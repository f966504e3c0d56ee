import type { BridgeClient } from '../bridge/client.ts';

/** How often the UI says it is alive; monitoring alerts when kiosk_ui_last_heartbeat goes stale. */
export const uiHeartbeatMs = 15_000;

/**
 * The UI's heartbeat to the bridge (POST /api/ui-heartbeat, same origin like every state-changing
 * call, so the bridge's Origin check accepts it): one at once, then every `intervalMs`. A renderer
 * that crashed or hung leaves the browser process up, so only the page itself can say it works.
 * It stops when the page is hidden away (pagehide: unloading, or kept in the back/forward cache)
 * and starts again if the page is shown once more. A failed beat is dropped: the next one counts.
 * Returns a function that stops it for good.
 */
export function startUiHeartbeat(
  client: Pick<BridgeClient, 'uiHeartbeat'>,
  page: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  intervalMs = uiHeartbeatMs,
): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const beat = () => void client.uiHeartbeat().catch(() => undefined);
  const start = () => {
    if (timer !== undefined) return;
    beat();
    timer = setInterval(beat, intervalMs);
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  page.addEventListener('pagehide', stop);
  page.addEventListener('pageshow', start);
  start();
  return () => {
    stop();
    page.removeEventListener('pagehide', stop);
    page.removeEventListener('pageshow', start);
  };
}
