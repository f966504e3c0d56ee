import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configJsonSchema } from './json-schema.ts';
import { repoRoot } from './load.ts';

// Regenerates config/kiosk-config.schema.json after the zod schema changes:
//   node --import tsx device-bridge/src/config/write-json-schema.ts
const target = resolve(repoRoot, 'config/kiosk-config.schema.json');
writeFileSync(target, JSON.stringify(configJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target}\n`);
