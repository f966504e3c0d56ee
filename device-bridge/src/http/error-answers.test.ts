import { describe, expect, it } from 'vitest';
import { errorCodes } from '../api/errors.ts';
import { errorAnswerOf } from './error-answers.ts';

describe('error answers', () => {
  it('gives each failure the status a client acts on', () => {
    const statusOf = (code: Parameters<typeof errorAnswerOf>[0]) => errorAnswerOf(code).status;
    expect(statusOf('bad-request')).toBe(400);
    expect(statusOf('signature-invalid')).toBe(400);
    expect(statusOf('technician-session-required')).toBe(401);
    expect(statusOf('consent-required')).toBe(403);
    expect(statusOf('no-session')).toBe(404);
    expect(statusOf('record-not-found')).toBe(404);
    expect(statusOf('printer-unavailable')).toBe(409);
    expect(statusOf('face-not-offered')).toBe(409);
    expect(statusOf('material-missing')).toBe(422);
    expect(statusOf('technician-locked-out')).toBe(429);
    expect(statusOf('internal')).toBe(500);
    expect(statusOf('device-unavailable')).toBe(503);
    expect(statusOf('platform-unavailable')).toBe(503);
  });

  it('words every code in English and adds the detail; citizen-facing codes also in Chinese', () => {
    for (const code of errorCodes) expect(errorAnswerOf(code).body.error.message.length).toBeGreaterThan(5);
    expect(errorAnswerOf('bad-request', 'state: Invalid option').body.error.message).toBe(
      'The request is not valid: state: Invalid option',
    );
    expect(errorAnswerOf('record-not-found').body.error.message).toMatch(/ \/ 未查询到您的相关记录。$/);
  });

  it('says when to try again, in the message and as Retry-After', () => {
    const answer = errorAnswerOf('technician-locked-out', undefined, { retryAfterSeconds: 42.2 });
    expect(answer.headers).toEqual({ 'Retry-After': '43' });
    expect(answer.body.error.message).toContain('try again in 43 s');
  });
});
