import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root, found from this file so tests run the same from any working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built kiosk UI the bridge serves; `npm test` and `npm run bench` build it first. */
export const uiDistDir = path.join(repoRoot, 'kiosk-ui', 'dist');
