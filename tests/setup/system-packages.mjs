// Makes sure the Debian packages the tests drive are present before anything else runs:
// the list below says what each is for.
// Runs at the start of every `npm test`, so the common case (all present) only stats a few files.
// Plain Node ESM with no dependencies: it must work before `npm install` has finished anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Debian package → the executables (or libraries) the tests and real drivers use from it. */
const requiredPackages = [
  // browser end-to-end tests
  { name: 'chromium', binaries: ['/usr/bin/chromium'] },
  // reading printed PDFs back; pdfsig checks the PAdES signature
  { name: 'poppler-utils', binaries: ['/usr/bin/pdftotext', '/usr/bin/pdffonts', '/usr/bin/pdftoppm', '/usr/bin/pdfsig'] },
  // pseudo-terminal pairs for the serial device simulators (ID reader, scanner, receipt printer)
  { name: 'socat', binaries: ['/usr/bin/socat'] },
  // serialport's port listing; node-hid's runtime library
  { name: 'udev', binaries: ['/usr/bin/udevadm'] },
  { name: 'libusb-1.0-0', binaries: ['/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0'] },
  // a real CUPS server with a virtual PDF queue for the A4 driver
  { name: 'cups', binaries: ['/usr/sbin/cupsd', '/usr/sbin/lpadmin', '/usr/sbin/cupsdisable'] },
  { name: 'cups-client', binaries: ['/usr/bin/lp', '/usr/bin/lpstat'] },
  { name: 'cups-ipp-utils', binaries: ['/usr/bin/ipptool'] },
  { name: 'printer-driver-cups-pdf', binaries: ['/usr/lib/cups/backend/cups-pdf'] },
  // fleet monitoring engines: agent + central Prometheus, Alertmanager, the MQTT broker
  { name: 'prometheus', binaries: ['/usr/bin/prometheus', '/usr/bin/promtool'] },
  { name: 'prometheus-alertmanager', binaries: ['/usr/bin/prometheus-alertmanager', '/usr/bin/amtool'] },
  { name: 'mosquitto', binaries: ['/usr/sbin/mosquitto'] },
  { name: 'mosquitto-clients', binaries: ['/usr/bin/mosquitto_pub', '/usr/bin/mosquitto_sub'] },
  // test certificates for the shipped TLS configs (central Prometheus, Mosquitto); python3's crypt makes
  // the bcrypt hashes of the web config, and stands in for systemd's NOTIFY_SOCKET
  { name: 'openssl', binaries: ['/usr/bin/openssl'] },
  { name: 'python3', binaries: ['/usr/bin/python3'] },
  // camera capture (V4L2 → MJPEG) and fake camera video for the browser tests
  { name: 'ffmpeg', binaries: ['/usr/bin/ffmpeg'] },
  // offline voice guidance clips rendered from the message catalogue
  { name: 'espeak-ng', binaries: ['/usr/bin/espeak-ng'] },
  // the kiosk screen's Wayland compositor: systemd-analyze verify checks the shipped UI unit's ExecStart
  { name: 'cage', binaries: ['/usr/bin/cage'] },
];

function isExecutable(file) {
  // shared libraries are not executable files; being there is enough
  const mode = file.includes('.so') ? constants.R_OK : constants.X_OK;
  try {
    accessSync(file, mode);
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
