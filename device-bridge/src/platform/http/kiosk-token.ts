import { loadOrCreateKey } from '../../secrets/secrets.ts';

/** The kiosk's bearer token for the platform server: 32 random bytes kept in <dataDir>/secrets/platform-token.key. */
export function kioskPlatformToken(dataDir: string, randomBytes: (n: number) => Buffer): string {
  return loadOrCreateKey(dataDir, 'platform-token', randomBytes).toString('base64url');
}
