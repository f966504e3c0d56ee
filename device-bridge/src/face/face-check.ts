import type { FaceHint, FaceOptions, FaceVerifyResult, VerificationMethod, VerifiedResponse } from '../api/index.ts';
import type { KioskConfig } from '../config/schema.ts';
import type { Camera } from '../devices/device.ts';
import type { PhotoDecoder } from '../devices/id-reader/photo-decoder.ts';
import { DomainError, noSession } from '../errors/domain-error.ts';
import type { EventLogger } from '../log/logger.ts';
import type { Session } from '../session/session-holder.ts';
import type { Clock } from '../time/clock.ts';
import { UndecodableImageError, type FaceEngine, type FaceObservation } from './face-engine.ts';
import { faceMotion, guidanceFor, stillImageMotion } from './guidance.ts';
import { eIdMatches, type EIdVerifier } from './e-id-verifier.ts';
import type { StaffCodeChecker } from './staff-code.ts';

export interface FaceCheckDeps {
  config: KioskConfig['face'];
  engine: FaceEngine;
  camera: Camera;
  /** the card photo decoder; null = none installed, so the face check is never offered */
  photoDecoder: PhotoDecoder | null;
  currentSession: () => Session | null;
  staffCodes: StaffCodeChecker | null;
  /** checks mobile e-ID codes; null = the e-ID alternative is not offered */
  eId?: EIdVerifier | null;
  /** whether the code scanner can read a phone screen now */
  scannerReady?: () => boolean;
  clock: Clock;
  logger: EventLogger;
  /** frames looked at per attempt, and the least time between two of them */
  framesPerAttempt?: number;
  frameGapMs?: number;
}

/** Counts for metrics: decisions only, nothing about anyone. */
export interface FaceCheckCounts {
  decisions: Record<FaceVerifyResult['decision'], number>;
  verified: Record<VerificationMethod, number>;
  staffCodeRejected: number;
}

interface SessionState {
  sessionId: string;
  consented: boolean;
  attemptsUsed: number;
  /**
   * the card photo's descriptor: undefined = not worked out yet, null = no usable photo, or no
   * longer needed (verified, attempts used up: then it is zero-filled and dropped at once)
   */
  reference: number[] | null | undefined;
  /** the descriptor being worked out (one decode per session, however many ask) */
  pendingReference: Promise<number[] | null> | null;
  /** an attempt is running: a second POST /api/face/verify waits its turn with a 409 */
  verifying: boolean;
  verified: VerifiedResponse | null;
}

const usable = new Set(['ready', 'busy', 'degraded']);
const undecodable = Symbol('undecodable frame');

/**
 * 人证比对: the live face against the card photo, one session at a time, in bridge memory only.
 * Consent first (PIPL art. 29 separate consent), a limited number of attempts, and the decision is
 * kept as "verified by face/staff/e-ID" for the session. Frames, thumbnails and live descriptors are
 * zero-filled as soon as an attempt is decided; the card photo as soon as its descriptor is made; that
 * descriptor once the citizen is verified (by any method) or out of attempts, and at session end.
 * Device bytes are untrusted: a frame that does not decode is skipped, a card photo that does not
 * decode means no face check for that session only.
 */
export function createFaceCheck(deps: FaceCheckDeps) {
  const { config, engine, camera, clock, logger } = deps;
  const framesPerAttempt = deps.framesPerAttempt ?? 4;
  const frameGapMs = deps.frameGapMs ?? 250;
  let state: SessionState | null = null;
  let modelFailed = false;
  let lastHint: FaceHint = 'no-face';
  let guiding: Promise<FaceHint> | null = null;
  const counts: FaceCheckCounts = {
    decisions: { match: 0, 'no-match': 0, 'not-live': 0, 'no-face': 0 },
    verified: { face: 0, 'e-id': 0, staff: 0 },
    staffCodeRejected: 0,
  };

  /** the card photo's descriptor is no longer needed: zero it and forget it */
  function dropReference(current: SessionState): void {
    current.reference?.fill(0);
    current.reference = null;
  }

  function wipe(): void {
    if (state) dropReference(state);
    state = null;
  }

  function sessionState(): SessionState {
    const session = deps.currentSession();
    if (!session) {
      wipe();
      throw noSession();
    }
    if (state?.sessionId !== session.id) {
      wipe();
      state = {
        sessionId: session.id,
        consented: false,
        attemptsUsed: 0,
        reference: undefined,
        pendingReference: null,
        verifying: false,
        verified: null,
      };
    }
    return state;
  }

  async function describeCardPhoto(): Promise<number[] | null> {
    const session = deps.currentSession();
    const wlt = (session as (Session & { photo?: Uint8Array }) | null)?.photo;
    if (!wlt || !config.enabled || !deps.photoDecoder) return null;
    const photo = await deps.photoDecoder.decode(wlt).catch(() => null);
    if (!photo) return null;
    let face: FaceObservation | null = null;
    try {
      face = await engine.analyze(photo.bytes, { describe: true });
      return face?.description ? [...face.description.embedding] : null;
    } catch (error) {
      // a card photo that does not decode is this card's problem, not the model's
      if (!(error instanceof UndecodableImageError)) {
        modelFailed = true;
        logger.log('face-model-failed', { message: (error as Error).message });
      } else logger.log('face-photo-decode-failed', { reason: 'not-an-image' });
      return null;
    } finally {
      photo.bytes.fill(0);
      face?.thumbnail.fill(0);
      (face?.description?.embedding as number[] | undefined)?.fill(0);
    }
  }

  async function reference(current: SessionState): Promise<number[] | null> {
    if (current.reference !== undefined) return current.reference;
    current.pendingReference ??= describeCardPhoto();
    const descriptor = await current.pendingReference;
    // the session may have ended (or the descriptor been dropped) while the model ran
    if (state === current && current.reference === undefined) current.reference = descriptor;
    else if (current.reference !== descriptor) descriptor?.fill(0);
    return current.reference ?? null;
  }

  function attemptsLeft(current: SessionState): number {
    return Math.max(0, config.maxAttempts - current.attemptsUsed);
  }

  function alternatives(): FaceOptions['alternatives'] {
    // each is offered only when it can work right now: never a button that leads nowhere
    return config.alternatives.filter((alternative) =>
      alternative === 'staff' ? deps.staffCodes !== null : Boolean(deps.eId) && (deps.scannerReady?.() ?? true),
    );
  }

  /** whether the face check can be offered to a card with a decodable photo (the kiosk side of it) */
  function faceWorks(now: boolean): boolean {
    return config.enabled && deps.photoDecoder !== null && !modelFailed && (!now || usable.has(camera.status().state));
  }

  /**
   * The ways to confirm the person at 实人 level: `now` = those that can work at this moment (for
   * health), otherwise those set up at all (checked at start: none means every application must go
   * to a staffed window).
   */
  function methods(options: { now: boolean }): VerificationMethod[] {
    const found: VerificationMethod[] = [];
    if (faceWorks(options.now)) found.push('face');
    const eIdSetUp = Boolean(deps.eId) && config.alternatives.includes('e-id');
    if (eIdSetUp && (!options.now || (deps.scannerReady?.() ?? true))) found.push('e-id');
    if (deps.staffCodes && config.alternatives.includes('staff')) found.push('staff');
    return found;
  }

  async function options(): Promise<FaceOptions> {
    const current = sessionState();
    const base = {
      alternatives: alternatives(),
      attemptsLeft: attemptsLeft(current),
      consented: current.consented,
      verified: current.verified,
    };
    if (current.verified) return { ...base, faceOffered: false, reason: 'already-verified' };
    if (!config.enabled) return { ...base, faceOffered: false, reason: 'disabled' };
    if (!deps.photoDecoder) return { ...base, faceOffered: false, reason: 'no-reference-photo' };
    if (!usable.has(camera.status().state)) return { ...base, faceOffered: false, reason: 'camera-unavailable' };
    if (modelFailed) return { ...base, faceOffered: false, reason: 'model-unavailable' };
    if (attemptsLeft(current) === 0) return { ...base, faceOffered: false, reason: 'no-attempts-left' };
    const descriptor = await reference(current);
    if (modelFailed) return { ...base, faceOffered: false, reason: 'model-unavailable' };
    if (!descriptor) return { ...base, faceOffered: false, reason: 'no-reference-photo' };
    return { ...base, faceOffered: true };
  }

  const notOffered = () => new DomainError('face-not-offered', 'not for this card');
  const noAttemptsLeft = () => new DomainError('no-attempts-left');

  /** consent to a face check that can actually be done: never a camera opened for nothing */
  async function consent(): Promise<void> {
    const offered = await options();
    const current = sessionState();
    if (!offered.faceOffered) throw offered.reason === 'no-attempts-left' ? noAttemptsLeft() : notOffered();
    if (!current.consented) logger.log('face-consent-given');
    current.consented = true;
  }

  function requireOffered(current: SessionState): void {
    if (!current.consented) throw new DomainError('consent-required');
    if (current.verified || modelFailed) throw notOffered();
    if (attemptsLeft(current) === 0) throw noAttemptsLeft();
    if (!current.reference) throw notOffered();
  }

  /** the face camera's picture may be shown: consented, the check offered, not yet decided */
  function previewAllowed(): boolean {
    const session = deps.currentSession();
    if (!session || state?.sessionId !== session.id) return false;
    return state.consented && !state.verified && !modelFailed && attemptsLeft(state) > 0 && Boolean(state.reference);
  }

  /** the next frames from the camera, at least frameGapMs apart */
  function collectFrames(count: number, gapMs: number, timeoutMs: number): Promise<Buffer[]> {
    return new Promise((resolve) => {
      const frames: Buffer[] = [];
      let lastAt = -Infinity;
      const finish = () => {
        clock.clearTimeout(timer);
        unsubscribe();
        resolve(frames);
      };
      const timer = clock.setTimeout(finish, timeoutMs);
      const unsubscribe = camera.onFrame((jpeg) => {
        const now = clock.now().getTime();
        if (now - lastAt < gapMs) return;
        lastAt = now;
        // our own copy: the camera hands the same buffer to every watcher (the preview stream, a
        // guidance poll), and this copy is zero-filled once the attempt is decided
        frames.push(Buffer.from(jpeg));
        if (frames.length >= count) finish();
      });
    });
  }

  async function guidance(): Promise<FaceHint> {
    const current = sessionState();
    if (!current.consented) throw new DomainError('consent-required', 'the face camera starts only after consent');
    // one analysis at a time: a slow CPU answers with the last hint rather than queueing work
    if (guiding) return lastHint;
    guiding = (async () => {
      const [frame] = await collectFrames(1, 0, 3_000);
      if (!frame) return 'no-face' as const;
      let face: FaceObservation | null = null;
      try {
        face = await engine.analyze(frame, { describe: false });
        return guidanceFor(face);
      } catch (error) {
        // a corrupt frame: the next poll takes another
        if (error instanceof UndecodableImageError) return lastHint;
        throw error;
      } finally {
        frame.fill(0);
        face?.thumbnail.fill(0);
      }
    })();
    try {
      lastHint = await guiding;
      return lastHint;
    } finally {
      guiding = null;
    }
  }

  function decide(
    observations: FaceObservation[],
    best: FaceObservation | null,
    descriptor: readonly number[],
  ): { decision: FaceVerifyResult['decision']; score: number } {
    // at least two faces seen: one frame alone cannot tell a person from a still image
    if (!best?.description || observations.length < 2) return { decision: 'no-face', score: 0 };
    const score = engine.similarity(descriptor, best.description.embedding);
    const still = faceMotion(observations.map((face) => face.thumbnail)) < stillImageMotion;
    const spoofed = best.description.real < config.livenessThreshold || best.description.live < config.livenessThreshold;
    if (still || spoofed) return { decision: 'not-live', score };
    return { decision: score >= config.threshold ? 'match' : 'no-match', score };
  }

  /** one frame through the model; a frame that does not decode is `undecodable`, a broken model is 503 */
  async function analyzeFrame(frame: Buffer, describe: boolean): Promise<FaceObservation | null | typeof undecodable> {
    try {
      return await engine.analyze(frame, { describe });
    } catch (error) {
      if (error instanceof UndecodableImageError) return undecodable;
      modelFailed = true;
      logger.log('face-model-failed', { message: (error as Error).message });
      throw new DomainError('device-unavailable', 'the face check stopped working');
    }
  }

  async function verify(): Promise<FaceVerifyResult> {
    const current = sessionState();
    if (current.verifying) throw new DomainError('face-check-in-progress');
    requireOffered(current);
    // the attempt is this request's from here on: a parallel one gets 409 instead of a free attempt
    current.verifying = true;
    const frames: Buffer[] = [];
    const observations: FaceObservation[] = [];
    let best: FaceObservation | null = null;
    try {
      const seen: Array<{ frame: Buffer; face: FaceObservation }> = [];
      // a frame that does not decode is replaced by the next one, up to as many again as asked for
      let wanted = framesPerAttempt;
      while (wanted > 0 && frames.length < framesPerAttempt * 2) {
        // a busy CPU may deliver frames slowly: wait up to 10 s more than the frames take at full speed
        const batch = await collectFrames(wanted, frameGapMs, wanted * frameGapMs + 10_000);
        if (batch.length === 0) break;
        frames.push(...batch);
        wanted = 0;
        for (const frame of batch) {
          const face = await analyzeFrame(frame, false);
          if (face === undecodable) wanted += 1;
          else if (face) {
            seen.push({ frame, face });
            observations.push(face);
          }
        }
      }
      // describe the most frontal, largest face only: the descriptor models are the expensive part
      const chosen = seen.reduce<{ frame: Buffer; rank: number } | null>((top, { frame, face }) => {
        const rank = face.box[2] * (1 - Math.min(0.9, Math.abs(face.yaw) + Math.abs(face.pitch)));
        return !top || rank > top.rank ? { frame, rank } : top;
      }, null);
      if (chosen) {
        const described = await analyzeFrame(chosen.frame, true);
        best = described === undecodable ? null : described;
      }
      if (state !== current) throw noSession(); // the session ended while we looked
      if (!current.reference) throw notOffered(); // confirmed another way meanwhile
      const { decision, score } = decide(observations, best, current.reference);
      if (decision !== 'no-face') current.attemptsUsed += 1;
      counts.decisions[decision] += 1;
      if (decision === 'match') {
        current.verified = { method: 'face', at: clock.now().toISOString() };
        counts.verified.face += 1;
      }
      // verified, or no attempt left: the card photo's descriptor has done its job
      if (current.verified || attemptsLeft(current) === 0) dropReference(current);
      logger.log('face-check-result', { decision, attempt: current.attemptsUsed });
      return { decision, score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100, attemptsLeft: attemptsLeft(current) };
    } finally {
      current.verifying = false;
      for (const frame of frames) frame.fill(0);
      for (const face of observations) face.thumbnail.fill(0);
      best?.thumbnail.fill(0);
      if (best?.description) (best.description.embedding as number[]).fill(0);
    }
  }

  function staffConfirm(code: string): VerifiedResponse {
    const current = sessionState();
    if (!deps.staffCodes || !config.alternatives.includes('staff')) {
      throw new DomainError('face-not-offered', 'staff confirmation is not set up on this kiosk');
    }
    const result = deps.staffCodes.check(code);
    if (result === 'locked') throw new DomainError('staff-code-locked');
    if (result === 'wrong') {
      counts.staffCodeRejected += 1;
      logger.log('staff-code-rejected');
      throw new DomainError('staff-code-invalid');
    }
    current.verified = { method: 'staff', at: clock.now().toISOString() };
    dropReference(current);
    counts.verified.staff += 1;
    logger.log('staff-confirmed');
    return current.verified;
  }

  /** a scanned mobile e-ID code (scanner, kind login-e-id) during a session */
  async function acceptEId(token: string): Promise<'match' | 'mismatch' | 'ignored'> {
    const session = deps.currentSession();
    if (!session || !deps.eId || !config.alternatives.includes('e-id')) return 'ignored';
    const current = sessionState();
    const result = await eIdMatches(deps.eId, token, session.identity.idNumber);
    if (state !== current) return 'ignored';
    if (result === 'match') {
      current.verified = { method: 'e-id', at: clock.now().toISOString() };
      dropReference(current);
      counts.verified['e-id'] += 1;
      logger.log('e-id-confirmed');
    } else {
      logger.log('e-id-rejected');
    }
    return result;
  }

  /** the session was opened by a mobile e-ID login the verifier accepted: that is its 实人 check */
  function recordLogin(method: VerificationMethod): void {
    const current = sessionState();
    current.verified = { method, at: clock.now().toISOString() };
    dropReference(current);
    counts.verified[method] += 1;
  }

  return {
    options,
    consent,
    acceptEId,
    recordLogin,
    methods,
    guidance,
    verify,
    staffConfirm,
    /** whether the citizen of the current session agreed to the face check */
    consented(): boolean {
      const session = deps.currentSession();
      return Boolean(session && state?.sessionId === session.id && state.consented);
    },
    /** the face camera's live picture may be streamed: consented, offered, not yet verified */
    previewAllowed,
    /** whether the card photo's descriptor is still held (tests and the privacy check) */
    holdsReference(): boolean {
      return Array.isArray(state?.reference);
    },
    /** how the current session was verified, if it was (for journeys that need 实人 level) */
    verification(): VerifiedResponse | null {
      const session = deps.currentSession();
      return session && state?.sessionId === session.id ? state.verified : null;
    },
    /** called when the session ends: nothing of it stays */
    wipe,
    counts: (): FaceCheckCounts => structuredClone(counts),
  };
}

export type FaceCheck = ReturnType<typeof createFaceCheck>;
