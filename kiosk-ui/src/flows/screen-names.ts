// The list lives in the bridge's contract (api/screens.ts, no zod) so the bridge's staff-call metric
// uses exactly these names; the UI and the browser tests import it from here as before.
export { screenNames, type ScreenName } from '@tongban/device-bridge/api/screens';
