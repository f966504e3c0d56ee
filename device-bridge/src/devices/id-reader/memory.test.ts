import { describe, expect, it } from 'vitest';
import type { CardReadEvent } from '../device.ts';
import { testIdentity } from '../testing/test-identity.ts';
import { createMemoryIdReader } from './memory.ts';

describe('memory ID reader', () => {
  it('delivers reading and the result at once, for tests of the code that listens', () => {
    const reader = createMemoryIdReader();
    const events: CardReadEvent[] = [];
    reader.onCard((event) => events.push(event));
    reader.present(testIdentity({ name: '李四' }));
    reader.presentUnreadable();
    expect(events.map((event) => event.kind)).toEqual(['reading', 'read', 'reading', 'unreadable']);
    expect(events[1]).toMatchObject({ identity: { name: '李四' } });
  });

  it('reports the status a test sets, and whether it was started', async () => {
    const reader = createMemoryIdReader();
    const states: string[] = [];
    reader.onStatus((status) => states.push(status.state));
    expect(reader.status()).toMatchObject({ state: 'ready', driver: 'memory' });
    reader.setState('disconnected');
    expect(states).toEqual(['disconnected']);
    expect(reader.started).toBe(false);
    await reader.start();
    expect(reader.started).toBe(true);
  });
});
