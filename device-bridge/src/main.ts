import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeBridge } from './compose.ts';
import { ConfigError, loadConfig, repoRoot } from './config/load.ts';

// Entry point: config → compose → listen. `npm start` runs this after building the UI.

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Tongban kiosk cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const dataDir = resolve(process.env.KIOSK_DATA_DIR ?? join(repoRoot, 'var'));
  const bridge = await composeBridge(config, { dataDir, version: readVersion() });
  try {
    await bridge.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ` (port ${config.server.port} is in use: set KIOSK_PORT to another port)` : '';
    console.error(`Tongban kiosk cannot listen: ${(error as Error).message}${hint}`);
    await bridge.stop();
    process.exit(1);
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
