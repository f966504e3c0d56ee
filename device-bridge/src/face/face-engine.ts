/**
 * What the bridge needs from a face model, so the verifier can be tested with a fake and the model
 * (today @vladmandic/human on tfjs WebAssembly) can be swapped for a certified engine.
 * Everything here is sensitive personal data (PIPL art. 28): memory only, never logged or stored.
 */
export interface FaceObservation {
  /** the face in pixels: x, y, width, height */
  box: readonly [number, number, number, number];
  imageWidth: number;
  imageHeight: number;
  /** how sure the detector is that this is a face, 0..1 */
  detectorScore: number;
  /** head turn left/right and up/down in radians (0 = looking straight at the camera) */
  yaw: number;
  pitch: number;
  /** mean luminance of the face region, 0..255 */
  brightness: number;
  /** 32 × 32 grayscale of the face region, for the frame-to-frame still-image check */
  thumbnail: Uint8Array;
  /** present when asked to describe: the model's anti-spoofing scores and the face descriptor */
  description?: {
    /** "real face, not a photo/screen" score, 0..1 */
    real: number;
    /** "live" score, 0..1 */
    live: number;
    embedding: readonly number[];
  };
}

export interface FaceEngine {
  /** loads the models once; later calls return the same promise */
  load(): Promise<void>;
  /** the largest face in the image (JPEG/PNG bytes), or null when there is none; UndecodableImageError for bytes that are no image */
  analyze(image: Uint8Array, options: { describe: boolean }): Promise<FaceObservation | null>;
  /** similarity of two descriptors, 0..1 (same person ≳ 0.6 for human's faceres) */
  similarity(a: readonly number[], b: readonly number[]): number;
  /** tensors the backend holds (a leak check for benches) */
  memory(): { tensors: number; bytes: number };
}

/**
 * The image bytes could not be decoded (a corrupt camera frame, a bad card photo): a problem with
 * that one image, not with the model. Any other error from `analyze` means the model is broken.
 */
export class UndecodableImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableImageError';
  }
}
