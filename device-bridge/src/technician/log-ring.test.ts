import { describe, expect, it } from 'vitest';
import { createEventLogger } from '../log/logger.ts';
import { createLogRing } from './log-ring.ts';

describe('recent log for the technician', () => {
  it('keeps the newest lines, newest first, writes everything through, and masks ID-number-like text', () => {
    const written: string[] = [];
    const ring = createLogRing(2, { write: (line) => written.push(line) });
    const logger = createEventLogger({ level: 'info', destination: ring.destination });
    logger.log('bridge-starting');
    logger.log('card-rejected', { reason: 'expired' });
    logger.log('request-failed', { message: 'bad input 11010519491231002X here' });
    expect(written).toHaveLength(3);
    const recent = ring.recent();
    expect(recent.map((line) => line.event)).toEqual(['request-failed', 'card-rejected']);
    expect(recent[0]!.level).toBe('error');
    expect(recent[0]!.fields).not.toContain('11010519491231002X');
    expect(recent[0]!.fields).toContain('110105********002X');
  });
});
