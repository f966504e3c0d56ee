import type { Response } from 'express';
import type { CameraId } from '../api/index.ts';
import type { Camera, DeviceSet } from '../devices/device.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { FaceCheck } from '../face/face-check.ts';
import type { EndpointHandlers } from '../http/endpoint-router.ts';

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
 */
export function cameraHandlers(deps: {
  cameras: Pick<DeviceSet, CameraId>;
  faceCheck: Pick<FaceCheck, 'consented' | 'previewAllowed'>;
  bus: Pick<EventBus, 'subscribe'>;
}): EndpointHandlers<'cameraPreview'> {
  const { faceCheck } = deps;
  return {
    cameraPreview: ({ params, http }) => {
      const camera = deps.cameras[params.cameraId];
      const faceCamera = camera.id === 'camera';
      if (faceCamera && !faceCheck.consented()) throw new DomainError('consent-required', 'the face camera starts only after consent');
      if (faceCamera && !faceCheck.previewAllowed()) throw new DomainError('face-not-offered');
      streamFrames(
        camera,
        http.response,
        (stop) =>
          deps.bus.subscribe((event) => {
            if (event.type === 'session-ended') stop();
          }),
        faceCamera ? () => faceCheck.previewAllowed() : () => true,
      );
    },
  };
}
