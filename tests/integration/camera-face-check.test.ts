import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedCamera } from '../../device-bridge/src/devices/camera/simulator.ts';
import { cardFaceImage, liveFaceImage } from '../../device-bridge/src/devices/camera/scenes.ts';
import { fixtureWlt } from '../../device-bridge/src/devices/id-reader/sam-card.ts';
import { createFaceCheck } from '../../device-bridge/src/face/face-check.ts';
import type { FaceEngine } from '../../device-bridge/src/face/face-engine.ts';
import { createSimulatedEIdVerifier, simulatedEIdToken } from '../../device-bridge/src/face/e-id-verifier.ts';
import { createFixturePhotoDecoder } from '../../device-bridge/src/face/fixture-photo-decoder.ts';
import { createHumanFaceEngine } from '../../device-bridge/src/face/human-engine.ts';
import { createMemoryLogger } from '../../device-bridge/src/log/logger.ts';
import { fixtureCitizen, fixtureCitizens } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import type { Session } from '../../device-bridge/src/session/session-holder.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { repoRoot } from '../support/repo.ts';

/**
 * The shipped model (@vladmandic/human faceres + antispoof + liveness on tfjs WebAssembly), loaded
 * once for this file, on real photographs (see tests/fixtures/faces/README.md for what they are).
 */
const testFace = (name: string) => readFileSync(`${repoRoot}/tests/fixtures/faces/${name}.jpg`);
const config = { enabled: true, threshold: 0.6, livenessThreshold: 0.5, maxAttempts: 3, alternatives: ['e-id', 'staff'] as Array<'e-id' | 'staff'> };

let engine: FaceEngine;
beforeAll(async () => {
  engine = createHumanFaceEngine();
  await engine.load();
}, 60_000);

async function descriptor(image: Buffer): Promise<readonly number[]> {
  const face = await engine.analyze(image, { describe: true });
  expect(face?.description, 'a face with a descriptor').toBeDefined();
  return face!.description!.embedding;
}

describe('face model decisions on fixture photos (threshold 0.6)', () => {
  it('the same person under different light is the same person', async () => {
    const card = await descriptor(cardFaceImage('person-a'));
    for (const live of [liveFaceImage('person-a'), testFace('person-a-dim'), testFace('person-a-dark')]) {
      expect(engine.similarity(card, await descriptor(live))).toBeGreaterThanOrEqual(0.6);
    }
    expect(engine.similarity(await descriptor(cardFaceImage('person-b')), await descriptor(liveFaceImage('person-b')))).toBeGreaterThanOrEqual(0.6);
  });

  it('different people are not', async () => {
    const others = [liveFaceImage('stranger'), testFace('other-goatee'), testFace('other-football'), testFace('other-smiling')];
    for (const card of [cardFaceImage('person-a'), cardFaceImage('person-b')]) {
      const reference = await descriptor(card);
      for (const other of others) expect(engine.similarity(reference, await descriptor(other))).toBeLessThan(0.6);
    }
    expect(engine.similarity(await descriptor(cardFaceImage('person-a')), await descriptor(liveFaceImage('person-b')))).toBeLessThan(0.6);
  });
});

describe('face check against the simulated camera', () => {
  function check() {
    const camera = createSimulatedCamera('camera', { clock: systemClock, frameMs: 100 });
    const citizen = fixtureCitizen('li-na'); // the fixture decoder gives her person A's card photo
    const session = { id: 's-1', identity: { ...citizen.card }, startedAt: new Date(), photo: fixtureWlt(citizen.card.idNumber) } as Session;
    let current: Session | null = session;
    const logger = createMemoryLogger();
    const faceCheck = createFaceCheck({
      config,
      engine,
      camera,
      photoDecoder: createFixturePhotoDecoder(),
      currentSession: () => current,
      staffCodes: null,
      clock: systemClock,
      logger,
      frameGapMs: 150,
    });
    return { camera, faceCheck, logger, end: () => (current = null) };
  }

  it('the card holder in front of the camera matches; a stranger does not; nobody is no face', async () => {
    const { camera, faceCheck } = check();
    await camera.start();
    expect(await faceCheck.options()).toMatchObject({ faceOffered: true, attemptsLeft: 3, verified: null });
    await expect(faceCheck.verify()).rejects.toMatchObject({ code: 'consent-required' });
    faceCheck.consent();
    camera.setScene({ kind: 'nobody' });
    expect(await faceCheck.verify()).toMatchObject({ decision: 'no-face', attemptsLeft: 3 });
    camera.setScene({ kind: 'face', face: 'stranger' });
    const stranger = await faceCheck.verify();
    expect(stranger).toMatchObject({ decision: 'no-match', attemptsLeft: 2 });
    expect(stranger.score).toBeLessThan(0.6);
    camera.setScene({ kind: 'face', face: 'person-a' });
    const holder = await faceCheck.verify();
    expect(holder).toMatchObject({ decision: 'match', attemptsLeft: 1 });
    expect(holder.score).toBeGreaterThanOrEqual(0.6);
    expect((await faceCheck.options()).verified).toMatchObject({ method: 'face' });
    await camera.stop();
  }, 60_000);

  it('a still image of the card holder (frozen frames) fails liveness even though the face matches', async () => {
    const { camera, faceCheck } = check();
    await camera.start();
    await faceCheck.options();
    faceCheck.consent();
    camera.setScene({ kind: 'still-photo', face: 'person-a' });
    const result = await faceCheck.verify();
    expect(result.decision).toBe('not-live');
    expect(result.score).toBeGreaterThanOrEqual(0.6);
    expect((await faceCheck.options()).verified).toBeNull();
    await camera.stop();
  }, 60_000);

  it('gives guidance from the live picture, and after the attempts are used only the alternatives remain', async () => {
    const { camera, faceCheck, logger } = check();
    await camera.start();
    await faceCheck.options();
    faceCheck.consent();
    expect(await faceCheck.guidance()).toBe('ready');
    camera.setScene({ kind: 'nobody' });
    expect(await faceCheck.guidance()).toBe('no-face');
    camera.setScene({ kind: 'face', face: 'stranger' });
    for (let i = 0; i < 3; i++) await faceCheck.verify();
    expect(await faceCheck.options()).toMatchObject({ faceOffered: false, reason: 'no-attempts-left', attemptsLeft: 0 });
    await expect(faceCheck.verify()).rejects.toMatchObject({ code: 'no-attempts-left' });
    // the log has decisions, never a score, a descriptor or a name
    const log = logger.lines.join('\n');
    expect(log).toContain('face-check-result');
    expect(log).not.toMatch(/score|embedding|李/);
    await camera.stop();
  }, 60_000);

  it('a card without a decodable photo is not offered a face check (never a faked one)', async () => {
    const camera = createSimulatedCamera('camera', { clock: systemClock });
    await camera.start();
    const citizen = fixtureCitizen('wang-xiaoyu'); // the fixture decoder knows no photo for her card
    const faceCheck = createFaceCheck({
      config,
      engine,
      camera,
      photoDecoder: createFixturePhotoDecoder(),
      currentSession: () => ({ id: 's-2', identity: { ...citizen.card }, startedAt: new Date(), photo: fixtureWlt(citizen.card.idNumber) }) as Session,
      staffCodes: null,
      clock: systemClock,
      logger: createMemoryLogger(),
    });
    expect(await faceCheck.options()).toMatchObject({ faceOffered: false, reason: 'no-reference-photo' });
    faceCheck.consent();
    await expect(faceCheck.verify()).rejects.toMatchObject({ code: 'face-not-offered' });
    await camera.stop();
  });

  it('a mobile e-ID code for the card holder confirms without the face; someone else’s does not', async () => {
    const citizen = fixtureCitizen('wang-xiaoyu');
    const faceCheck = createFaceCheck({
      config,
      engine,
      camera: createSimulatedCamera('camera', { clock: systemClock }),
      photoDecoder: createFixturePhotoDecoder(),
      currentSession: () => ({ id: 's-3', identity: { ...citizen.card }, startedAt: new Date() }) as Session,
      staffCodes: null,
      eId: createSimulatedEIdVerifier(fixtureCitizens),
      clock: systemClock,
      logger: createMemoryLogger(),
    });
    expect(await faceCheck.options()).toMatchObject({ alternatives: ['e-id'], verified: null });
    expect(await faceCheck.acceptEId(simulatedEIdToken(fixtureCitizen('li-na').card.idNumber))).toBe('mismatch');
    expect((await faceCheck.options()).verified).toBeNull();
    expect(await faceCheck.acceptEId(simulatedEIdToken(citizen.card.idNumber))).toBe('match');
    expect((await faceCheck.options()).verified).toMatchObject({ method: 'e-id' });
  });
});
