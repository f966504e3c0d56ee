import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config/load.ts';
import { bridgeOpenApi } from './openapi.ts';

/** node --import tsx device-bridge/src/http/write-openapi.ts → config/bridge-openapi.json */
export const bridgeOpenApiFile = resolve(repoRoot, 'config/bridge-openapi.json');
export const bridgeOpenApiCommand = 'node --import tsx device-bridge/src/http/write-openapi.ts';

export function bridgeOpenApiText(): string {
  return `${JSON.stringify(bridgeOpenApi(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(bridgeOpenApiFile, bridgeOpenApiText());
  process.stdout.write(`wrote ${bridgeOpenApiFile}\n`);
}
