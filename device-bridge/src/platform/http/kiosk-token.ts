import { loadOrCreateKey } from '../../secrets/secrets.ts';

/** The kiosk's bearer token for the platform server: 32 random bytes kept in <secrets dir>/platform-token.key. */
export function kioskPlatformToken(secretsDir: string, randomBytes: (n: number) => Buffer): string {
  return loadOrCreateKey(secretsDir, 'platform-token', randomBytes).toString('base64url');
}
