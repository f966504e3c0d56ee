/**
 * The bridge's HTTP paths, from the contract's routes module. It is imported by its own subpath
 * because the contract's index also builds zod schemas at load time; routes.ts holds no zod, so
 * the kiosk bundle stays free of it.
 */
export { apiPaths as bridgePaths } from '@tongban/device-bridge/api/routes';
