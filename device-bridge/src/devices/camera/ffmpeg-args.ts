/**
 * ffmpeg command lines for a UVC camera. Pure, so they are tested without a camera.
 * Preview: MJPEG at a modest size, copied without re-encoding (`-c:v copy`), frames back to back on
 * stdout. Still: one frame at full resolution as a standalone JPEG (`mjpeg2jpeg` adds the Huffman
 * tables some UVC cameras leave out of MJPEG frames).
 */
export interface CameraInput {
  /** ffmpeg input options, e.g. ['-f', 'v4l2', '-input_format', 'mjpeg', '-video_size', '1280x720', '-i', '/dev/video0'] */
  args: string[];
  /** whether the input already delivers JPEG (true for v4l2 MJPEG): then frames are copied, not re-encoded */
  jpegPassthrough: boolean;
}

export function v4l2Input(device: string, size: string, fps: number): CameraInput {
  return {
    args: ['-f', 'v4l2', '-input_format', 'mjpeg', '-video_size', size, '-framerate', String(fps), '-i', device],
    jpegPassthrough: true,
  };
}

const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin'];

export function previewArgs(input: CameraInput, fps: number): string[] {
  const codec = input.jpegPassthrough ? ['-c:v', 'copy'] : ['-c:v', 'mjpeg', '-q:v', '5', '-r', String(fps)];
  return [...quiet, ...input.args, '-an', ...codec, '-f', 'mjpeg', 'pipe:1'];
}

export function stillArgs(input: CameraInput): string[] {
  const codec = input.jpegPassthrough ? ['-c:v', 'copy', '-bsf:v', 'mjpeg2jpeg'] : ['-c:v', 'mjpeg', '-q:v', '2'];
  return [...quiet, ...input.args, '-an', '-frames:v', '1', ...codec, '-f', 'image2pipe', 'pipe:1'];
}
