import { describe, expect, it } from 'vitest';
import { exposureOf, isLoopbackHost } from './exposure.ts';

describe('platform server exposure', () => {
  it('knows loopback addresses in their usual spellings', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'platform.example.gov.cn', '128.0.0.1', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('starts open only on loopback, or elsewhere with PLATFORM_OPEN=1 and a warning; enrolled always closed', () => {
    expect(exposureOf('127.0.0.1', false, undefined)).toEqual({ start: true, open: true, warning: null });
    expect(exposureOf('0.0.0.0', false, undefined)).toMatchObject({ start: false });
    expect(exposureOf('0.0.0.0', false, 'yes')).toMatchObject({ start: false });
    expect(exposureOf('0.0.0.0', false, '1')).toMatchObject({
      start: true,
      open: true,
      warning: expect.stringMatching(/any caller can act as any kiosk/),
    });
    expect(exposureOf('0.0.0.0', true, undefined)).toEqual({ start: true, open: false });
    expect(exposureOf('127.0.0.1', true, '1')).toEqual({ start: true, open: false });
  });
});
