import { join } from 'node:path';
import type { KioskConfig } from '../config/schema.ts';
import type { Clock } from '../time/clock.ts';
import { loadOrCreateKey } from '../secrets/secrets.ts';
import { kioskAtRest } from './embedded/at-rest.ts';
import { createEmbeddedPlatform } from './embedded/embedded-platform.ts';
import { createHttpPlatform } from './http/http-platform.ts';
import { kioskPlatformToken } from './http/kiosk-token.ts';
import type { Platform } from './platform.ts';

/** Picks the platform from config: the embedded demo platform (default) or the HTTP adapter. */
export function createPlatform(
  config: KioskConfig,
  options: { dataDir: string; secretsDir: string; clock: Clock; randomBytes: (n: number) => Buffer },
): Platform {
  const settings = config.platform;
  if (settings.driver === 'http') {
    return createHttpPlatform({
      ...settings,
      kioskId: config.kiosk.id,
      token: kioskPlatformToken(options.secretsDir, options.randomBytes),
    });
  }
  // on the kiosk itself: no clear ID numbers, names or scanned files beside the sealed outbox (at-rest.ts)
  const atRest = kioskAtRest(loadOrCreateKey(options.secretsDir, 'platform-data', options.randomBytes), options.randomBytes);
  return createEmbeddedPlatform({ file: join(options.dataDir, 'platform.db'), clock: options.clock, kioskId: config.kiosk.id, atRest });
}
