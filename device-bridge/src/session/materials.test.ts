import { describe, expect, it } from 'vitest';
import { createMemoryCamera } from '../devices/camera/memory.ts';
import { renderScene } from '../devices/camera/scenes.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { systemClock } from '../time/clock.ts';
import { createMaterialStore } from './materials.ts';

/** Device bytes are untrusted: a still from the 高拍仪 that does not decode is a picture to take again. */
describe('material pages from the document camera', () => {
  function store() {
    const camera = createMemoryCamera('document-camera');
    let n = 0;
    const logger = createMemoryLogger();
    const materials = createMaterialStore({
      camera,
      currentSessionId: () => 'session-1',
      newId: () => `c${++n}`,
      clock: systemClock,
      logger,
    });
    return { camera, materials, logger };
  }
  const still = () => renderScene({ kind: 'document', title: 'Household register' }, { width: 1280, height: 960, random: () => 0.5 });

  it('a corrupt still is device-unavailable with "take it again", keeps nothing, and the next still works', async () => {
    const { camera, materials, logger } = store();
    const { captureId } = materials.start('hukou-page');
    const good = await still();
    // the scan data cut short, an EOI after it: framed like a JPEG, but corrupt
    camera.queueStill(Buffer.concat([good.subarray(0, Math.floor(good.length * 0.6)), Buffer.from([0xff, 0xd9])]));
    await expect(materials.addPage(captureId)).rejects.toMatchObject({
      code: 'device-unavailable',
      detail: expect.stringContaining('take it again'),
    });
    expect(materials.pagesHeld()).toBe(0);
    expect(logger.lines.join('\n')).toContain('material-page-failed');
    camera.queueStill(good);
    expect((await materials.addPage(captureId)).pages).toHaveLength(1);
  });

  it('a camera that cannot take a picture is device-unavailable too, and says so', async () => {
    const { camera, materials } = store();
    const { captureId } = materials.start('hukou-page');
    camera.queueStill(new Error('document-camera is not connected'));
    await expect(materials.addPage(captureId)).rejects.toMatchObject({
      code: 'device-unavailable',
      detail: expect.stringContaining('cannot take a picture'),
    });
  });
});
