import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeBridge, type Bridge } from './compose.ts';
import { ConfigError, loadConfig, repoRoot } from './config/load.ts';
import { guardPendingStart, rollBackPendingConfig } from './technician/config-apply.ts';

// Entry point: config → compose → listen. `npm start` runs this after building the UI.

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
  const siteFile = process.env.KIOSK_CONFIG;
  // A technician's config change that stops the bridge from starting must not loop until systemd
  // gives up: each start on it is counted, and a failed one puts the previous site file back.
  const guard = guardPendingStart({ dataDir, siteFile, now: new Date() });
  if (guard.kind === 'rolled-back') console.error(`Tongban kiosk: the last configuration change was undone (${guard.reason}).`);
  const startFailed = (reason: string, code: number): never => {
    if (rollBackPendingConfig({ dataDir, siteFile, reason, now: new Date() })) {
      console.error('Tongban kiosk: the configuration change this start was trying is undone; the next start uses the previous site file.');
    }
    process.exit(code);
  };

  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Tongban kiosk cannot start: ${error.message}`);
      startFailed(error.message, 2);
    }
    throw error;
  }
  let bridge: Bridge;
  try {
    // tests set KIOSK_STRICT_RESPONSES=1: an answer outside the API contract then fails loudly
    bridge = await composeBridge(config, { dataDir, version: readVersion(), strictResponses: process.env.KIOSK_STRICT_RESPONSES === '1' });
  } catch (error) {
    console.error(`Tongban kiosk cannot start: ${(error as Error).message}`);
    return startFailed(`start failed: ${(error as Error).message}`, 1);
  }
  try {
    await bridge.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ` (port ${config.server.port} is in use: set KIOSK_PORT to another port)` : '';
    console.error(`Tongban kiosk cannot listen: ${(error as Error).message}${hint}`);
    await bridge.stop();
    startFailed(`cannot listen: ${(error as Error).message}`, 1);
  }
  console.log(`Tongban kiosk is running: http://${config.server.host}:${config.server.port}  (data: ${dataDir})`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    bridge.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

await main();
