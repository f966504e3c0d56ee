import { describe, expect, it } from 'vitest';
import { createMemoryCamera } from '../devices/camera/memory.ts';
import type { DecodedPhoto, PhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { testIdentity } from '../devices/testing/test-identity.ts';
import type { Session } from '../session/session-holder.ts';
import { systemClock } from '../time/clock.ts';
import { createFaceCheck } from './face-check.ts';
import { UndecodableImageError, type FaceEngine, type FaceObservation } from './face-engine.ts';

/**
 * The face check's rules with a scripted model: each "image" is a small JSON note saying what the
 * model should see, so every branch (spoofed, corrupt frames, a broken model, races) is reachable.
 */
interface Seen {
  /** no face in the picture */
  nobody?: boolean;
  /** bytes that do not decode */
  corrupt?: boolean;
  /** the model itself fails */
  broken?: boolean;
  /** grey level of the face thumbnail: frames of a live person differ */
  shade?: number;
  real?: number;
  live?: number;
  /** which person: the descriptor is [person, 1 - person] */
  person?: number;
}
const image = (seen: Seen) => Buffer.from(JSON.stringify(seen));

function scriptedEngine() {
  const handedOut: Array<{ thumbnail: Uint8Array; embedding?: number[] }> = [];
  const engine: FaceEngine = {
    load: async () => undefined,
    async analyze(bytes, { describe }) {
      const seen = JSON.parse(Buffer.from(bytes).toString('utf8')) as Seen;
      if (seen.corrupt) throw new UndecodableImageError('VipsJpeg: Corrupt JPEG data');
      if (seen.broken) throw new Error('wasm: out of memory');
      if (seen.nobody) return null;
      const observation: FaceObservation = {
        box: [200, 100, 240, 280],
        imageWidth: 640,
        imageHeight: 480,
        detectorScore: 0.9,
        yaw: 0,
        pitch: 0,
        brightness: 120,
        thumbnail: new Uint8Array(1024).fill(seen.shade ?? 100),
      };
      if (describe)
        observation.description = { real: seen.real ?? 0.9, live: seen.live ?? 0.9, embedding: [seen.person ?? 1, 1 - (seen.person ?? 1)] };
      handedOut.push({
        thumbnail: observation.thumbnail,
        ...(observation.description ? { embedding: observation.description.embedding as number[] } : {}),
      });
      return observation;
    },
    similarity: (a, b) => 1 - Math.abs(a[0]! - b[0]!),
    memory: () => ({ tensors: 0, bytes: 0 }),
  };
  return { engine, handedOut };
}

function decoderOf(photo: Seen | null): PhotoDecoder {
  return {
    decode: async (): Promise<DecodedPhoto | null> =>
      photo ? { format: 'jpeg', bytes: new Uint8Array(image(photo)), width: 102, height: 126 } : null,
  };
}

function kiosk(options: { photo?: Seen | null; maxAttempts?: number } = {}) {
  const camera = createMemoryCamera('camera');
  const { engine, handedOut } = scriptedEngine();
  let n = 0;
  let session: Session | null = null;
  const logger = createMemoryLogger();
  const faceCheck = createFaceCheck({
    config: { enabled: true, threshold: 0.6, livenessThreshold: 0.5, maxAttempts: options.maxAttempts ?? 3, alternatives: ['staff'] },
    engine,
    camera,
    photoDecoder: decoderOf(options.photo === undefined ? { person: 1 } : options.photo),
    currentSession: () => session,
    staffCodes: { check: (code) => (code === '2468' ? 'ok' : 'wrong') },
    clock: systemClock,
    logger,
    framesPerAttempt: 2,
    frameGapMs: 0,
  });
  const newSession = () =>
    (session = { id: `s${++n}`, identity: testIdentity(), photo: new Uint8Array(1024).fill(7), startedAt: new Date() });
  newSession();
  /** runs one attempt with these frames coming from the camera, a few milliseconds apart */
  async function attempt(frames: Seen[]) {
    const result = faceCheck.verify();
    let settled = false;
    void result.finally(() => (settled = true)).catch(() => undefined);
    for (const frame of frames) {
      if (settled) break;
      camera.pushFrame(image(frame));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return result;
  }
  return { camera, faceCheck, handedOut, logger, attempt, newSession, endSession: () => (session = null) };
}

const live = [{ shade: 100 }, { shade: 104 }];

describe('face check rules', () => {
  it('the model’s antispoof verdict counts: a face it scores as not real is not live, whatever the match', async () => {
    const { faceCheck, attempt } = kiosk();
    await faceCheck.consent();
    expect(
      await attempt([
        { shade: 100, real: 0.2 },
        { shade: 104, real: 0.2 },
      ]),
    ).toMatchObject({ decision: 'not-live', score: 1, attemptsLeft: 2 });
    expect(
      await attempt([
        { shade: 100, live: 0.1 },
        { shade: 104, live: 0.1 },
      ]),
    ).toMatchObject({ decision: 'not-live' });
    expect(await attempt([{ shade: 100 }, { shade: 100 }])).toMatchObject({ decision: 'not-live' });
    expect(faceCheck.verification()).toBeNull();
  });

  it('consent is refused (face-not-offered) when the card has no usable photo, and the face camera stays shut', async () => {
    const { faceCheck } = kiosk({ photo: null });
    await expect(faceCheck.consent()).rejects.toMatchObject({ code: 'face-not-offered' });
    expect(faceCheck.consented()).toBe(false);
    expect(faceCheck.previewAllowed()).toBe(false);
  });

  it('the face camera may stream only between consent and the decision', async () => {
    const { faceCheck, attempt } = kiosk();
    expect(faceCheck.previewAllowed()).toBe(false);
    await faceCheck.consent();
    expect(faceCheck.previewAllowed()).toBe(true);
    expect(await attempt(live)).toMatchObject({ decision: 'match' });
    expect(faceCheck.previewAllowed()).toBe(false);
    await expect(faceCheck.consent()).rejects.toMatchObject({ code: 'face-not-offered' });
    expect(await faceCheck.options()).toMatchObject({ faceOffered: false, reason: 'already-verified' });
  });

  it('a second verify while one runs is refused with 409, so parallel requests cannot get extra attempts', async () => {
    const { faceCheck, attempt, camera } = kiosk({ maxAttempts: 1 });
    await faceCheck.consent();
    const first = faceCheck.verify();
    const parallel = await Promise.allSettled([faceCheck.verify(), faceCheck.verify(), faceCheck.verify()]);
    expect(parallel.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as { code: string }).code : 'ran'))).toEqual([
      'face-check-in-progress',
      'face-check-in-progress',
      'face-check-in-progress',
    ]);
    camera.pushFrame(image({ shade: 100, person: 0 }));
    camera.pushFrame(image({ shade: 104, person: 0 }));
    expect(await first).toMatchObject({ decision: 'no-match', attemptsLeft: 0 });
    await expect(attempt(live)).rejects.toMatchObject({ code: 'no-attempts-left' });
  });

  it('a corrupt frame is skipped and replaced by the next one, not a failed attempt', async () => {
    const { faceCheck, attempt } = kiosk();
    await faceCheck.consent();
    // two of the first three frames do not decode: the check takes two more and still decides
    expect(await attempt([{ corrupt: true }, { shade: 100 }, { corrupt: true }, { shade: 104 }])).toMatchObject({ decision: 'match' });
    const nothingGood = kiosk();
    await nothingGood.faceCheck.consent();
    expect(await nothingGood.attempt([{ corrupt: true }, { corrupt: true }, { corrupt: true }, { corrupt: true }])).toMatchObject({
      decision: 'no-face',
      attemptsLeft: 3,
    });
  });

  it('a model that fails is device-unavailable and the face check is then not offered (the alternatives are)', async () => {
    const { faceCheck, attempt } = kiosk();
    await faceCheck.consent();
    await expect(attempt([{ broken: true }, { broken: true }])).rejects.toMatchObject({ code: 'device-unavailable' });
    expect(await faceCheck.options()).toMatchObject({ faceOffered: false, reason: 'model-unavailable', alternatives: ['staff'] });
  });

  it('a card photo that does not decode means no face check for that session only', async () => {
    const corrupt = kiosk({ photo: { corrupt: true } });
    expect(await corrupt.faceCheck.options()).toMatchObject({ faceOffered: false, reason: 'no-reference-photo' });
    expect(corrupt.faceCheck.methods({ now: true })).toContain('face');
    const good = kiosk();
    expect(await good.faceCheck.options()).toMatchObject({ faceOffered: true });
  });

  it('the card photo’s descriptor and every thumbnail and descriptor the model handed out are zeroed once verified', async () => {
    const { faceCheck, attempt, handedOut } = kiosk();
    await faceCheck.consent();
    expect(faceCheck.holdsReference()).toBe(true);
    expect(await attempt(live)).toMatchObject({ decision: 'match' });
    expect(faceCheck.holdsReference()).toBe(false);
    expect(handedOut.length).toBeGreaterThan(2);
    for (const { thumbnail, embedding } of handedOut) {
      expect(thumbnail.every((value) => value === 0)).toBe(true);
      expect(embedding?.every((value) => value === 0) ?? true).toBe(true);
    }
  });

  it('the descriptor also goes when the attempts are used up, when staff confirm, and when the session ends', async () => {
    const exhausted = kiosk({ maxAttempts: 1 });
    await exhausted.faceCheck.consent();
    await exhausted.attempt([
      { shade: 100, person: 0 },
      { shade: 104, person: 0 },
    ]);
    expect(exhausted.faceCheck.holdsReference()).toBe(false);

    const staff = kiosk();
    await staff.faceCheck.options();
    expect(staff.faceCheck.holdsReference()).toBe(true);
    staff.faceCheck.staffConfirm('2468');
    expect(staff.faceCheck.holdsReference()).toBe(false);

    const ended = kiosk();
    await ended.faceCheck.options();
    ended.endSession();
    ended.faceCheck.wipe();
    expect(ended.faceCheck.holdsReference()).toBe(false);
    expect(ended.handedOut.every(({ thumbnail }) => thumbnail.every((value) => value === 0))).toBe(true);
  });
});
