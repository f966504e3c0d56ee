import { Router, type Response } from 'express';
import { cameraIdSchema, simCameraSceneSchema } from '../api/index.ts';
import type { BridgeContext } from '../context.ts';
import type { SimulatedCamera } from '../devices/camera/simulator.ts';
import type { Camera } from '../devices/device.ts';
import { HttpError, noSession } from '../http/http-error.ts';
import { parseBody } from '../http/validate.ts';

function cameraOf(context: BridgeContext, value: string | string[] | undefined): Camera {
  const parsed = cameraIdSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, 'not-found', `Unknown camera "${String(value)}". Cameras: camera, document-camera.`);
  return context.devices[parsed.data];
}

/**
 * Writes one multipart part per frame. A client that has not taken the previous frame yet gets
 * none (frames are dropped, never queued), so a slow browser cannot grow the bridge's memory.
 */
function streamFrames(camera: Camera, response: Response, end: (stop: () => void) => () => void, allowed: () => boolean): void {
  response.writeHead(200, {
    'Content-Type': 'multipart/x-mixed-replace; boundary=frame',
    'Cache-Control': 'no-store, no-cache, must-revalidate',
    Pragma: 'no-cache',
    Connection: 'close',
  });
  const unsubscribe = camera.onFrame((jpeg) => {
    if (response.destroyed || response.writableEnded) return;
    // the face check was decided (or offered no more) while the picture showed: it stops here
    if (!allowed()) return void response.end();
    if (response.writableNeedDrain) return;
    response.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`);
    response.write(jpeg);
    response.write('\r\n');
  });
  const stopListening = end(() => response.end());
  response.on('close', () => {
    unsubscribe();
    stopListening();
  });
}

/**
 * GET /api/camera/:cameraId/preview — the live picture as MJPEG (`<img src>` shows it natively).
 * Only within a session; the face camera only while the face check is offered, consented to and
 * not yet decided (a card without a usable photo never opens it). The stream ends when the session
 * does, and the face camera's as soon as the check is decided.
 * POST /api/sim/camera/:cameraId/scene — what a simulated camera looks at (simulation only).
 */
export function cameraRoutes(context: BridgeContext): Router {
  const router = Router();
  router.get('/api/camera/:cameraId/preview', (request, response) => {
    const camera = cameraOf(context, request.params.cameraId);
    if (!context.sessions.current()) throw noSession();
    const faceCamera = camera.id === 'camera';
    if (faceCamera && !context.faceCheck.consented()) {
      throw new HttpError(403, 'consent-required', 'The face camera starts only after consent. / 需先同意后才开启人脸摄像头。');
    }
    if (faceCamera && !context.faceCheck.previewAllowed()) {
      throw new HttpError(409, 'face-not-offered', 'There is no face check to do now. / 当前无需人脸核验。');
    }
    streamFrames(
      camera,
      response,
      (stop) =>
        context.bus.subscribe((event) => {
          if (event.type === 'session-ended') stop();
        }),
      faceCamera ? () => context.faceCheck.previewAllowed() : () => true,
    );
  });
  if (context.simulation) {
    router.post('/api/sim/camera/:cameraId/scene', (request, response) => {
      const camera = cameraOf(context, request.params.cameraId) as Camera & Partial<Pick<SimulatedCamera<Camera['id']>, 'setScene'>>;
      const { scene } = parseBody(simCameraSceneSchema, request);
      if (!camera.setScene) throw new HttpError(409, 'simulation-only', `${camera.id} is not simulated.`);
      camera.setScene(scene);
      context.logger.log('sim-control', { control: 'camera-scene', device: camera.id, scene: scene.kind });
      response.status(204).end();
    });
  }
  return router;
}
