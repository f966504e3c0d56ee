import { cardFaceImage } from '../devices/camera/scenes.ts';
import type { DecodedPhoto, PhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import { fixtureWlt } from '../devices/id-reader/sam-card.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { loadSharp } from '../images/load-sharp.ts';

/**
 * Simulation's stand-in for the licensed WLT decoder: it recognises the opaque photo blobs of two
 * fixture cards (the SAM simulator derives them from the ID number) and returns a real face photo
 * for them — li-na is the simulator's person A, zhang-wei person B. Every other card, and every
 * real card, decodes to null: no photo, so no face check is offered for it (never a faked one).
 */
const fixtureFaces = [
  { fixture: 'li-na', face: 'person-a' },
  { fixture: 'zhang-wei', face: 'person-b' },
] as const;

export function createFixturePhotoDecoder(): PhotoDecoder {
  const known = new Map(
    fixtureFaces.map(({ fixture, face }) => [Buffer.from(fixtureWlt(fixtureCitizen(fixture).card.idNumber)).toString('hex'), face]),
  );
  return {
    async decode(wlt: Uint8Array): Promise<DecodedPhoto | null> {
      const face = known.get(Buffer.from(wlt).toString('hex'));
      if (!face) return null;
      const bytes = cardFaceImage(face);
      const sharp = await loadSharp();
      const { width = 0, height = 0 } = await sharp(bytes).metadata();
      return { format: 'jpeg', bytes: new Uint8Array(bytes), width, height };
    },
  };
}
