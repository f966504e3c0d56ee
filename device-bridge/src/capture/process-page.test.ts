import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderScene } from '../devices/camera/scenes.ts';
import { pagesToPdf } from './pages-pdf.ts';
import { processPage } from './process-page.ts';

const steady = () => 0.5;

async function meanBrightness(jpeg: Buffer): Promise<number> {
  const stats = await sharp(jpeg).greyscale().stats();
  return stats.channels[0]!.mean;
}

describe('document page processing', () => {
  it('finds the tilted sheet on the desk, straightens and crops it, and keeps it under 500 KB', async () => {
    // a 5 MP still of an A4 sheet lying 4° askew on a dark desk
    const still = await renderScene({ kind: 'document', title: 'Residence certificate' }, { width: 2592, height: 1944, random: steady });
    const page = await processPage(still);
    expect(page.cropped).toBe(true);
    expect(Math.abs(page.deskewDegrees + 4)).toBeLessThan(1);
    expect(page.jpeg.length).toBeLessThanOrEqual(500_000);
    // what is left is the sheet: A4 proportions, light, no desk around it
    expect(page.height / page.width).toBeGreaterThan(1.3);
    expect(page.height / page.width).toBeLessThan(1.5);
    expect(await meanBrightness(page.jpeg)).toBeGreaterThan(200);
    expect(await sharp(page.jpeg).metadata()).toMatchObject({ format: 'jpeg', width: page.width, height: page.height });
  });

  it('keeps the whole frame when there is no sheet to find', async () => {
    const still = await renderScene({ kind: 'empty-desk' }, { width: 1280, height: 960, random: steady });
    const page = await processPage(still);
    expect(page).toMatchObject({ cropped: false, width: 1280, height: 960 });
  });

  it('compresses harder (lower quality, then smaller) until the page fits the byte limit', async () => {
    const noise = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const still = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const page = await processPage(still, { maxBytes: 150_000 });
    expect(page.jpeg.length).toBeLessThanOrEqual(150_000);
  });

  it('joins pages into one PDF with one page each', async () => {
    const still = await renderScene({ kind: 'document', title: 'p' }, { width: 1296, height: 972, random: steady });
    const page = await processPage(still);
    const pdf = await pagesToPdf([page, page, page], 'material');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
  });
});
