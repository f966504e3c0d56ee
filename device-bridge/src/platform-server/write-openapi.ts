import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config/load.ts';
import { platformOpenApi } from './openapi.ts';

/** node --import tsx device-bridge/src/platform-server/write-openapi.ts → config/platform-openapi.json */
export const platformOpenApiFile = resolve(repoRoot, 'config/platform-openapi.json');

export function platformOpenApiText(): string {
  return `${JSON.stringify(platformOpenApi(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(platformOpenApiFile, platformOpenApiText());
  process.stdout.write(`wrote ${platformOpenApiFile}\n`);
}
