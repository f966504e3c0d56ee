import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.ts';
import { createSimulatedCamera } from './simulator.ts';

describe('simulated camera', () => {
  it('serves as face camera and document camera, reporting connection and when it changed', async () => {
    const clock = createManualClock(new Date('2025-06-01T10:00:00.000Z'));
    const documentCamera = createSimulatedCamera('document-camera', { clock });
    await documentCamera.start();
    expect(documentCamera.status()).toMatchObject({ id: 'document-camera', state: 'ready', driver: 'simulated' });
    clock.advance(5_000);
    documentCamera.disconnect();
    expect(documentCamera.status()).toEqual({
      id: 'document-camera',
      state: 'disconnected',
      driver: 'simulated',
      since: '2025-06-01T10:00:05.000Z',
    });
    documentCamera.connect();
    expect(documentCamera.status().state).toBe('ready');
  });
});
