import type { Clock, TimerHandle } from '../../time/clock.ts';
import type { Camera } from '../device.ts';
import { createListeners } from '../listeners.ts';
import { createSimulatedLinkDevice, type SimulatedLinkDevice } from '../simulated-link.ts';
import { renderScene, type CameraScene } from './scenes.ts';
import { CameraUnavailableError } from './v4l2-camera.ts';

/**
 * A simulated camera, used for both the face camera and the document camera (高拍仪). Like the real
 * driver it streams JPEG frames only while someone watches and takes full-resolution stills; what it
 * sees is a scene the dev panel or a test sets (a person, a photo held up, a page on the desk).
 */
export interface SimulatedCamera<Id extends Camera['id']> extends Camera, SimulatedLinkDevice<Id> {
  readonly id: Id;
  setScene(scene: CameraScene): void;
  scene(): CameraScene;
}

export interface SimulatedCameraOptions {
  clock: Clock;
  random?: () => number;
  scene?: CameraScene;
  previewSize?: { width: number; height: number };
  stillSize?: { width: number; height: number };
  /** preview frame interval (5 fps keeps the simulator cheap on a shared CPU) */
  frameMs?: number;
}

export function defaultScene(id: Camera['id']): CameraScene {
  return id === 'camera' ? { kind: 'face', face: 'person-a' } : { kind: 'document', title: 'Certificate of Residence 0001' };
}

export function createSimulatedCamera<Id extends Camera['id']>(id: Id, options: SimulatedCameraOptions): SimulatedCamera<Id> {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const preview = options.previewSize ?? { width: 640, height: 480 };
  const still = options.stillSize ?? (id === 'document-camera' ? { width: 2592, height: 1944 } : { width: 1280, height: 960 });
  const frameMs = options.frameMs ?? 200;
  const link = createSimulatedLinkDevice(id, { clock });
  const frames = createListeners<Buffer>();
  let scene: CameraScene = options.scene ?? defaultScene(id);
  let timer: TimerHandle | null = null;
  /** a frozen feed repeats the very same bytes */
  let frozenFrame: { scene: CameraScene; jpeg: Buffer } | null = null;

  async function render(size: { width: number; height: number }): Promise<Buffer> {
    if (scene.kind === 'still-photo') {
      if (frozenFrame?.scene !== scene) frozenFrame = { scene, jpeg: await renderScene(scene, { ...size, random }) };
      return frozenFrame.jpeg;
    }
    return renderScene(scene, { ...size, random });
  }

  function schedule(): void {
    if (timer || frames.size === 0 || !link.isLive()) return;
    timer = clock.setTimeout(() => {
      timer = null;
      if (frames.size === 0 || !link.isLive()) return;
      void render(preview)
        .then((jpeg) => {
          try {
            frames.emit(jpeg);
          } catch {
            // a failing listener must not stop the stream for the others
          }
        })
        .finally(schedule);
    }, frameMs);
  }

  return {
    ...link,
    onFrame(listener) {
      const unsubscribe = frames.add(listener);
      schedule();
      return unsubscribe;
    },
    async captureStill() {
      if (!link.isLive()) throw new CameraUnavailableError('unplugged', `${id} is not connected`);
      // a copy: callers may zero-fill what they got, and the frozen frame is reused
      return scene.kind === 'still-photo' ? Buffer.from(await render(preview)) : render(still);
    },
    async start() {
      await link.start();
      schedule();
    },
    async stop() {
      if (timer) clock.clearTimeout(timer);
      timer = null;
      await link.stop();
    },
    connect() {
      link.connect();
      schedule();
    },
    setScene(next) {
      scene = next;
    },
    scene: () => scene,
  };
}
