import type { EndpointHandlers } from '../http/endpoint-router.ts';
import type { MaterialStore } from '../session/materials.ts';

/** Document capture (高拍仪): captures per material, pages taken, retaken, removed, shown. */
export function materialHandlers(deps: {
  materials: MaterialStore;
}): EndpointHandlers<
  | 'materialCaptures'
  | 'startMaterialCapture'
  | 'materialCapture'
  | 'materialPages'
  | 'materialPage'
  | 'removeMaterialPage'
  | 'materialPageImage'
> {
  const { materials } = deps;
  return {
    materialCaptures: () => ({ captures: materials.list() }),
    startMaterialCapture: ({ body }) => materials.start(body.materialId),
    materialCapture: ({ params }) => materials.remove(params.captureId),
    materialPages: ({ params }) => materials.addPage(params.captureId),
    materialPage: ({ params }) => materials.retakePage(params.captureId, params.index),
    removeMaterialPage: ({ params }) => materials.removePage(params.captureId, params.index),
    materialPageImage: ({ params, http }) => {
      const jpeg = materials.pageImage(params.captureId, params.index);
      http.response.setHeader('Content-Type', 'image/jpeg');
      http.response.setHeader('Cache-Control', 'no-store');
      http.response.end(jpeg);
    },
  };
}
