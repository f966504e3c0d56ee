import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../config/load.ts';
import { kioskPlatformToken } from '../platform/http/kiosk-token.ts';
import { tokenHash } from './kiosk-tokens.ts';

/**
 * Enrols a kiosk with the platform server:
 *   node --import tsx device-bridge/src/platform-server/enroll.ts <kiosk id> [kiosk secrets dir] [platform data dir]
 * Reads (or creates) the kiosk's token <kiosk secrets dir>/platform-token.key (the kiosk's config
 * secrets.dir; var/secrets by default) and adds its hash to <platform data dir>/kiosk-tokens.json.
 * From then on the server refuses calls without an enrolled token.
 */
const [kioskId, kioskSecretsDir = join(repoRoot, 'var/secrets'), platformDataDir = join(repoRoot, 'var/platform-server')] =
  process.argv.slice(2);
if (!kioskId || !/^[A-Za-z0-9-]{1,32}$/.test(kioskId)) {
  process.stderr.write('usage: enroll.ts <kiosk id> [kiosk secrets dir] [platform data dir]\n');
  process.exit(2);
}
const file = join(resolve(platformDataDir), 'kiosk-tokens.json');
const tokens = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
tokens[kioskId] = tokenHash(kioskPlatformToken(resolve(kioskSecretsDir), randomBytes));
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
process.stdout.write(`enrolled ${kioskId} in ${file}\n`);
