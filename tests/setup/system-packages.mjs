// Makes sure the Debian packages the tests drive are present before anything else runs:
// Chromium for the browser end-to-end tests, poppler-utils to read back the printed PDFs.
// Runs at the start of every `npm test`, so the common case (all present) only stats a few files.
// Plain Node ESM with no dependencies: it must work before `npm install` has finished anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Debian package → the executables the tests call from it. */
const requiredPackages = [
  { name: 'chromium', binaries: ['/usr/bin/chromium'] },
  { name: 'poppler-utils', binaries: ['/usr/bin/pdftotext', '/usr/bin/pdffonts', '/usr/bin/pdftoppm'] },
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function missingPackages() {
  return requiredPackages.filter((pkg) => !pkg.binaries.every(isExecutable)).map((pkg) => pkg.name);
}

function run(command, args) {
  console.log(`[system-packages] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[system-packages] ${command} exited with status ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

const missing = missingPackages();
if (missing.length > 0) {
  const installArgs = ['install', '-y', '--no-install-recommends', ...missing];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[system-packages] missing Debian packages needed by the tests: ${missing.join(', ')}`);
    console.error('[system-packages] install them as root, then run the tests again:');
    console.error(`  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get ${installArgs.join(' ')}`);
    process.exit(1);
  }
  console.log(`[system-packages] installing missing Debian packages: ${missing.join(', ')}`);
  run('apt-get', ['update']);
  run('apt-get', installArgs);
  const stillMissing = missingPackages();
  if (stillMissing.length > 0) {
    console.error(`[system-packages] still missing after apt-get install: ${stillMissing.join(', ')}`);
    process.exit(1);
  }
  console.log('[system-packages] all required Debian packages are installed');
}
