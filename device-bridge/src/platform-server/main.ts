import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../config/load.ts';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { systemClock } from '../time/clock.ts';
import { exposureOf } from './exposure.ts';
import { loadKeyring } from './keyring.ts';
import { kioskAuthenticator } from './kiosk-tokens.ts';
import { createPlatformServerApp } from './server-app.ts';

/**
 * `npm run platform`: the embedded platform as a standalone HTTP service on 127.0.0.1:8090
 * (PLATFORM_HOST / PLATFORM_PORT), data in var/platform-server/ (PLATFORM_DATA_DIR). The verification
 * page checks QR signatures with the PEM keys in <data>/trusted-keys/ and, for a kiosk on this
 * machine, its public key in KIOSK_SECRETS_DIR (default <KIOSK_DATA_DIR>/secrets, i.e. var/secrets).
 * Without <data>/kiosk-tokens.json it only starts on loopback, unless PLATFORM_OPEN=1 (exposure.ts).
 */
const host = process.env.PLATFORM_HOST ?? '127.0.0.1';
const port = Number(process.env.PLATFORM_PORT ?? 8090);
const dataDir = resolve(process.env.PLATFORM_DATA_DIR ?? join(repoRoot, 'var/platform-server'));
// the one-box demo: the local kiosk's public signing key, in its secrets (config secrets.dir, var/secrets by default)
const kioskSecretsDir = resolve(process.env.KIOSK_SECRETS_DIR ?? join(process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'), 'secrets'));

const tokensFile = join(dataDir, 'kiosk-tokens.json');
const exposure = exposureOf(host, existsSync(tokensFile), process.env.PLATFORM_OPEN);
if (!exposure.start) {
  process.stderr.write(`${JSON.stringify({ event: 'platform-refused-open', level: 'error', message: exposure.reason })}\n`);
  process.exit(2);
}
if (exposure.open && exposure.warning) {
  process.stderr.write(`${JSON.stringify({ event: 'platform-open', level: 'warn', message: exposure.warning })}\n`);
  process.stderr.write(`WARNING: ${exposure.warning}\n`);
}

const platform = createEmbeddedPlatform({ file: join(dataDir, 'platform.db'), clock: systemClock, kioskId: 'platform-server' });
const app = createPlatformServerApp({
  platform,
  keyring: loadKeyring(join(dataDir, 'trusted-keys'), [kioskSecretsDir]),
  helpPhone: process.env.PLATFORM_HELP_PHONE ?? '12345',
  kiosks: kioskAuthenticator(tokensFile, { allowOpen: exposure.open }),
  ...(process.env.PLATFORM_PUBLIC_ORIGIN ? { publicOrigin: process.env.PLATFORM_PUBLIC_ORIGIN } : {}),
});
const server = app.listen(port, host);
await once(server, 'listening');
const address = server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`${JSON.stringify({ event: 'platform-listening', url: `http://${host}:${actualPort}`, dataDir })}\n`);

function shutdown(): void {
  server.close(() => {
    platform.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
