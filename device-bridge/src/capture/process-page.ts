import type { Sharp as SharpImage } from 'sharp';
import { loadSharp, type Sharp } from '../images/load-sharp.ts';

/**
 * Turns a document camera still into a page fit to submit: find the sheet on the (darker)
 * desk, straighten it, crop to it, and compress to a JPEG of at most `maxBytes` (500 KB by default,
 * what 一网通办 platforms commonly accept per page).
 *
 * Page finding is deliberately simple and cheap: Otsu threshold on a small greyscale copy, the bright
 * pixels' second moments give the sheet's tilt, their bounding box (after straightening) the crop.
 * It works for a light sheet on a dark desk, which is how 高拍仪 are built; when it finds no sheet (a
 * light desk, a sheet filling the frame) the whole frame is kept rather than cropping a guess.
 */
export interface ProcessedPage {
  jpeg: Buffer;
  width: number;
  height: number;
  cropped: boolean;
  /** degrees the page was turned to straighten it */
  deskewDegrees: number;
}

export interface ProcessPageOptions {
  maxBytes?: number;
  /** long side of the output at most (A4 at 300 dpi = 3508; 2480 keeps text sharp at ~210 dpi) */
  maxLongSide?: number;
}

const analysisWidth = 640;

function otsu(histogram: number[], total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let sumBackground = 0;
  let weightBackground = 0;
  let best = 0;
  let threshold = 128;
  for (let i = 0; i < 256; i++) {
    weightBackground += histogram[i]!;
    if (weightBackground === 0) continue;
    const weightForeground = total - weightBackground;
    if (weightForeground === 0) break;
    sumBackground += i * histogram[i]!;
    const meanBackground = sumBackground / weightBackground;
    const meanForeground = (sum - sumBackground) / weightForeground;
    const between = weightBackground * weightForeground * (meanBackground - meanForeground) ** 2;
    if (between > best) {
      best = between;
      threshold = i;
    }
  }
  return threshold;
}

interface Analysis {
  threshold: number;
  share: number;
  angle: number;
  /** contrast between sheet and desk; low = no sheet to speak of */
  separation: number;
}

function analyse(grey: Buffer, width: number, height: number): Analysis {
  const histogram = new Array<number>(256).fill(0);
  for (const value of grey) histogram[value]! += 1;
  const threshold = otsu(histogram, grey.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let bright = 0;
  let dark = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = grey[y * width + x]!;
      if (value > threshold) {
        n++;
        sx += x;
        sy += y;
        bright += value;
      } else dark += value;
    }
  }
  if (n === 0 || n === grey.length) return { threshold, share: n / grey.length, angle: 0, separation: 0 };
  const cx = sx / n;
  const cy = sy / n;
  let mu20 = 0;
  let mu02 = 0;
  let mu11 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x]! <= threshold) continue;
      const dx = x - cx;
      const dy = y - cy;
      mu20 += dx * dx;
      mu02 += dy * dy;
      mu11 += dx * dy;
    }
  }
  // principal axis of the bright region; a sheet's long side lies along it
  const axis = (0.5 * Math.atan2(2 * mu11, mu20 - mu02) * 180) / Math.PI;
  // distance to the nearest multiple of 90°: the tilt, whichever way the sheet lies
  let tilt = axis % 90;
  if (tilt > 45) tilt -= 90;
  if (tilt < -45) tilt += 90;
  return { threshold, share: n / grey.length, angle: tilt, separation: bright / n - dark / (grey.length - n) };
}

function boundingBox(
  grey: Buffer,
  width: number,
  height: number,
  threshold: number,
): { left: number; top: number; right: number; bottom: number } | null {
  // rows/columns count as sheet when enough of their pixels are bright (ignores specks and text)
  const rowCounts = new Array<number>(height).fill(0);
  const columnCounts = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x]! > threshold) {
        rowCounts[y]! += 1;
        columnCounts[x]! += 1;
      }
    }
  }
  const rows = rowCounts.map((count, y) => (count > width * 0.15 ? y : -1)).filter((y) => y >= 0);
  const columns = columnCounts.map((count, x) => (count > height * 0.15 ? x : -1)).filter((x) => x >= 0);
  if (rows.length === 0 || columns.length === 0) return null;
  return { left: columns[0]!, top: rows[0]!, right: columns[columns.length - 1]! + 1, bottom: rows[rows.length - 1]! + 1 };
}

async function compress(
  sharp: Sharp,
  image: SharpImage,
  width: number,
  height: number,
  maxBytes: number,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const source = await image.raw().toBuffer({ resolveWithObject: true });
  let scale = 1;
  for (;;) {
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const resized = scale === 1 ? sharp(source.data, { raw: source.info }) : sharp(source.data, { raw: source.info }).resize(w, h);
    const pixels = await resized.raw().toBuffer({ resolveWithObject: true });
    for (const quality of [85, 75, 65, 55]) {
      const jpeg = await sharp(pixels.data, { raw: pixels.info }).jpeg({ quality, mozjpeg: true }).toBuffer();
      if (jpeg.length <= maxBytes) {
        source.data.fill(0);
        pixels.data.fill(0);
        return { jpeg, width: pixels.info.width, height: pixels.info.height };
      }
    }
    pixels.data.fill(0);
    scale *= 0.8;
  }
}

export async function processPage(still: Buffer, options: ProcessPageOptions = {}): Promise<ProcessedPage> {
  const maxBytes = options.maxBytes ?? 500_000;
  const maxLongSide = options.maxLongSide ?? 2480;
  const sharp = await loadSharp();
  const { width: fullWidth = 0, height: fullHeight = 0 } = await sharp(still).metadata();
  if (fullWidth === 0 || fullHeight === 0) throw new Error('the camera still is not an image');
  const factor = analysisWidth / fullWidth;
  const smallHeight = Math.max(1, Math.round(fullHeight * factor));
  const small = await sharp(still).greyscale().resize(analysisWidth, smallHeight, { fit: 'fill' }).raw().toBuffer();
  const analysis = analyse(small, analysisWidth, smallHeight);
  const sheetFound = analysis.separation > 40 && analysis.share > 0.12 && analysis.share < 0.97;

  let image = sharp(still);
  let width = fullWidth;
  let height = fullHeight;
  let cropped = false;
  let deskew = 0;
  if (sheetFound) {
    deskew = Math.abs(analysis.angle) >= 0.3 && Math.abs(analysis.angle) <= 20 ? -analysis.angle : 0;
    const background = { r: 0, g: 0, b: 0 };
    // straighten the small copy the same way, then find the sheet's box on it
    const rotatedSmall = await sharp(small, { raw: { width: analysisWidth, height: smallHeight, channels: 1 } })
      .rotate(deskew, { background })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const box = boundingBox(rotatedSmall.data, rotatedSmall.info.width, rotatedSmall.info.height, analysis.threshold);
    const straightened = await sharp(still).rotate(deskew, { background }).toBuffer({ resolveWithObject: true });
    image = sharp(straightened.data);
    width = straightened.info.width;
    height = straightened.info.height;
    if (box) {
      const scaleX = width / rotatedSmall.info.width;
      const scaleY = height / rotatedSmall.info.height;
      // a small inset drops the dark wedge a straightened edge leaves
      const inset = 2;
      const left = Math.min(width - 1, Math.max(0, Math.floor((box.left + inset) * scaleX)));
      const top = Math.min(height - 1, Math.max(0, Math.floor((box.top + inset) * scaleY)));
      const cropWidth = Math.max(1, Math.min(width - left, Math.floor((box.right - box.left - 2 * inset) * scaleX)));
      const cropHeight = Math.max(1, Math.min(height - top, Math.floor((box.bottom - box.top - 2 * inset) * scaleY)));
      image = sharp(straightened.data).extract({ left, top, width: cropWidth, height: cropHeight });
      width = cropWidth;
      height = cropHeight;
      cropped = true;
    }
  }
  const longSide = Math.max(width, height);
  if (longSide > maxLongSide) {
    const scale = maxLongSide / longSide;
    width = Math.round(width * scale);
    height = Math.round(height * scale);
    image = sharp(await image.toBuffer()).resize(width, height);
  }
  const result = await compress(sharp, image, width, height, maxBytes);
  small.fill(0);
  return { ...result, cropped, deskewDegrees: Math.round(deskew * 10) / 10 };
}
