import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endpoints } from './api/endpoints.ts';
import { composeBridge, type Bridge } from './compose.ts';
import { configSchema, type KioskConfig } from './config/schema.ts';
import { loadConfig } from './config/load.ts';
import { freePort } from './free-port.support.ts';
import { createMemoryLogger } from './log/logger.ts';

// Every route the bridge answers comes from the endpoint table (api/routes.ts + endpoints.ts), and
// every endpoint of the table has its route: the bridge is composed as main.ts composes it and the
// Express router stack of the app that listens is walked. A route registered any other way, or an
// endpoint whose handler went missing from compose.ts, fails here by method and path.

interface StackLayer {
  route?: { path: unknown; methods: Record<string, unknown> };
  handle?: { stack?: unknown };
  /** router 2 keeps the path a layer was mounted at */
  rawPath?: unknown;
}

/** Every "METHOD path" an Express 5 router answers, through routers mounted in it at any depth. */
function registeredRoutes(stack: StackLayer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const route = layer.route;
    if (route)
      return Object.keys(route.methods).map(
        (method) => `${method === '_all' ? 'ALL' : method.toUpperCase()} ${prefix}${String(route.path)}`,
      );
    const inner = layer.handle?.stack;
    if (!Array.isArray(inner)) return [];
    const mountedAt = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return registeredRoutes(inner as StackLayer[], prefix + mountedAt);
  });
}

/** The Express app a listening bridge serves: app.listen() makes the server with the app as its request listener. */
function routerStackOf(server: Server): StackLayer[] {
  const [app] = server.listeners('request') as unknown as [{ router?: { stack?: StackLayer[] } } | undefined];
  const stack = app?.router?.stack;
  if (!Array.isArray(stack)) throw new Error("the bridge's server has no Express app as its request listener");
  return stack;
}

/** What is in `from` and not in `other`, counting repeats: a route registered twice is one too many. */
function beyond(from: string[], other: string[]): string[] {
  const left = [...other];
  return from.filter((entry) => {
    const at = left.indexOf(entry);
    if (at >= 0) left.splice(at, 1);
    return at < 0;
  });
}

function expectExactly(registered: string[], expected: string[]) {
  expect(
    { registeredOutsideTheTable: beyond(registered, expected).sort(), tableEndpointsWithoutARoute: beyond(expected, registered).sort() },
    'routes are registered from the endpoint table only (http/endpoint-router.ts), with a handler for each endpoint (compose.ts)',
  ).toEqual({ registeredOutsideTheTable: [], tableEndpointsWithoutARoute: [] });
}

const tableRoutes = (include: (access: string) => boolean) =>
  Object.values(endpoints)
    .filter((endpoint) => include(endpoint.access))
    .map((endpoint) => `${endpoint.method} ${endpoint.path}`);

const running: { bridge: Bridge; dataDir: string }[] = [];
afterEach(async () => {
  for (const { bridge, dataDir } of running.splice(0)) {
    await bridge.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

async function composedRoutes(config: KioskConfig): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-routes-'));
  const bridge = await composeBridge(config, { dataDir, logger: createMemoryLogger(), strictResponses: true });
  running.push({ bridge, dataDir });
  return registeredRoutes(routerStackOf(await bridge.listen()));
}

describe('the routes of the composed bridge', () => {
  it('with simulated devices (npm start): exactly the endpoint table, every endpoint of it', async () => {
    const base = loadConfig({});
    const registered = await composedRoutes({ ...base, server: { ...base.server, port: await freePort() } });
    expectExactly(
      registered,
      tableRoutes(() => true),
    );
  });

  // Composed for real rather than by handing endpointRouter a handler set without the simulation
  // ones: that would only show the router skips what it is not given. A bridge with real drivers
  // starts with its hardware unplugged (each device reports itself disconnected), so this checks
  // the decision compose.ts itself makes. Every device must be real: one simulated device brings
  // the simulation controls, and with them the simulation endpoints. The paths name nothing, so
  // no port or camera of the machine running the test is touched; nothing listens on TCP port 9.
  it('with real drivers and no hardware attached: every endpoint but the simulation ones', async () => {
    const base = loadConfig({});
    const config = configSchema.parse({
      ...base,
      server: { ...base.server, port: await freePort() },
      devices: {
        'id-reader': { driver: 'sam-serial', path: '/dev/tongban-test-absent-id-reader' },
        scanner: { driver: 'serial', path: '/dev/tongban-test-absent-scanner' },
        'a4-printer': { driver: 'cups', queue: 'Kiosk_A4', server: 'http://127.0.0.1:9', pollMs: 10_000 },
        'receipt-printer': { driver: 'escpos-serial', path: '/dev/tongban-test-absent-receipt-printer', pollMs: 60_000 },
        camera: { driver: 'v4l2', device: '/dev/tongban-test-absent-camera' },
        'document-camera': { driver: 'v4l2', device: '/dev/tongban-test-absent-document-camera' },
      },
    });
    const registered = await composedRoutes(config);
    const simulation = tableRoutes((access) => access === 'simulation');
    expect(
      registered.filter((route) => simulation.includes(route)),
      'a kiosk with real devices has no simulation routes',
    ).toEqual([]);
    expectExactly(
      registered,
      tableRoutes((access) => access !== 'simulation'),
    );
  });
});
