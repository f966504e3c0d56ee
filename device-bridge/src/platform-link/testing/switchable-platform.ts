import type { Clock } from '../../time/clock.ts';
import { PlatformUnavailable } from '../../platform/contract.ts';
import { createEmbeddedPlatform } from '../../platform/embedded/embedded-platform.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * The embedded platform behind a line a test can cut: while `line.down`, every call fails as an
 * unreachable platform does; `line.calls` counts what reached for it.
 */
export function switchablePlatform(options: { clock: Clock; kioskId: string; down?: boolean }) {
  const embedded = createEmbeddedPlatform({ file: ':memory:', clock: options.clock, kioskId: options.kioskId });
  const line = { down: options.down ?? false, calls: 0 };
  const platform = new Proxy(embedded, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        line.calls++;
        return line.down
          ? Promise.reject(new PlatformUnavailable('connect ECONNREFUSED 127.0.0.1:8090'))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Platform;
  return { platform, line, embedded };
}
