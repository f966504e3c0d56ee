import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUiHeartbeat } from './ui-heartbeat.ts';

describe('the UI heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('beats at once and every 15 s, stops on pagehide, starts again on pageshow', () => {
    const client = { uiHeartbeat: vi.fn(() => Promise.resolve()) };
    const page = new EventTarget();
    const stop = startUiHeartbeat(client, page as unknown as Window, 15_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(45_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(4);

    page.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(60_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(4);

    page.dispatchEvent(new Event('pageshow'));
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(5);
    // a second pageshow does not start a second beat
    page.dispatchEvent(new Event('pageshow'));
    vi.advanceTimersByTime(15_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(6);

    stop();
    page.dispatchEvent(new Event('pageshow'));
    vi.advanceTimersByTime(60_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(6);
  });

  it('drops a failed beat and goes on', async () => {
    const client = { uiHeartbeat: vi.fn(() => Promise.reject(new Error('bridge restarting'))) };
    const stop = startUiHeartbeat(client, new EventTarget() as unknown as Window, 15_000);
    await Promise.resolve();
    vi.advanceTimersByTime(15_000);
    expect(client.uiHeartbeat).toHaveBeenCalledTimes(2);
    stop();
  });
});
