import { describe, expect, it } from 'vitest';
import { previewArgs, stillArgs, v4l2Input } from './ffmpeg-args.ts';

describe('ffmpeg command lines for a UVC camera', () => {
  const camera = v4l2Input('/dev/v4l/by-id/usb-Doc_Cam-video-index0', '1280x720', 15);

  it('reads MJPEG from V4L2 at the asked size and rate', () => {
    expect(camera).toEqual({
      args: [
        '-f',
        'v4l2',
        '-input_format',
        'mjpeg',
        '-video_size',
        '1280x720',
        '-framerate',
        '15',
        '-i',
        '/dev/v4l/by-id/usb-Doc_Cam-video-index0',
      ],
      jpegPassthrough: true,
    });
  });

  it('preview: the camera’s JPEG frames are copied, not re-encoded, back to back on stdout', () => {
    expect(previewArgs(camera, 15)).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      ...camera.args,
      '-an',
      '-c:v',
      'copy',
      '-f',
      'mjpeg',
      'pipe:1',
    ]);
  });

  it('still: one frame, copied, made a standalone JPEG (mjpeg2jpeg adds the Huffman tables UVC frames leave out)', () => {
    expect(stillArgs(camera)).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      ...camera.args,
      '-an',
      '-frames:v',
      '1',
      '-c:v',
      'copy',
      '-bsf:v',
      'mjpeg2jpeg',
      '-f',
      'image2pipe',
      'pipe:1',
    ]);
  });

  it('an input that is not JPEG already (a test pattern) is encoded to MJPEG instead', () => {
    const pattern = { args: ['-f', 'lavfi', '-i', 'testsrc'], jpegPassthrough: false };
    expect(previewArgs(pattern, 10)).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-f',
      'lavfi',
      '-i',
      'testsrc',
      '-an',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      '-r',
      '10',
      '-f',
      'mjpeg',
      'pipe:1',
    ]);
    expect(stillArgs(pattern)).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-f',
      'lavfi',
      '-i',
      'testsrc',
      '-an',
      '-frames:v',
      '1',
      '-c:v',
      'mjpeg',
      '-q:v',
      '2',
      '-f',
      'image2pipe',
      'pipe:1',
    ]);
  });

  it('never passes anything through a shell: every argument is its own array element', () => {
    const odd = v4l2Input('/dev/video0; rm -rf /', '640x480', 5);
    expect(previewArgs(odd, 5)).toContain('/dev/video0; rm -rf /');
  });
});
