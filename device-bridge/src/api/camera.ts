import { z } from 'zod';

/**
 * Document capture (高拍仪): the pages of one material, photographed in this session, held
 * in bridge memory and wiped at session end. The page images are served only to this kiosk's UI.
 */
export const cameraIdSchema = z.enum(['camera', 'document-camera']);
export type CameraId = z.infer<typeof cameraIdSchema>;

export const materialPageSchema = z.object({
  index: z.number().int().min(0),
  width: z.number().int(),
  height: z.number().int(),
  /** size of the stored JPEG (≤ 500 KB) */
  bytes: z.number().int(),
  /** whether a page edge was found and the page cropped and straightened */
  cropped: z.boolean(),
});
export type MaterialPage = z.infer<typeof materialPageSchema>;

export const materialCaptureViewSchema = z.object({
  captureId: z.string(),
  materialId: z.string(),
  pages: z.array(materialPageSchema),
});
export type MaterialCaptureView = z.infer<typeof materialCaptureViewSchema>;

/** a page's place in its capture, as a path segment (`…/pages/0`) */
export const pageIndexSchema = z.coerce.number<string | number>().int().min(0).max(999);

export const startMaterialCaptureSchema = z.object({ materialId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }).strict();
export type StartMaterialCapture = z.infer<typeof startMaterialCaptureSchema>;

export const materialCaptureListSchema = z.object({ captures: z.array(materialCaptureViewSchema) });
export type MaterialCaptureList = z.infer<typeof materialCaptureListSchema>;

/** POST /api/sim/camera/:cameraId/scene (simulated cameras only): what the camera looks at. */
export const simCameraSceneSchema = z
  .object({
    scene: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('face'), face: z.enum(['person-a', 'person-b', 'stranger']) }),
      z.object({ kind: z.literal('still-photo'), face: z.enum(['person-a', 'person-b', 'stranger']) }),
      z.object({ kind: z.literal('printed-photo'), face: z.enum(['person-a', 'person-b', 'stranger']) }),
      z.object({ kind: z.literal('nobody') }),
      z.object({ kind: z.literal('document'), title: z.string().min(1).max(60) }),
      z.object({ kind: z.literal('empty-desk') }),
    ]),
  })
  .strict();
export type SimCameraScene = z.infer<typeof simCameraSceneSchema>;
