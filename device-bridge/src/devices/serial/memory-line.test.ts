import { describe, expect, it } from 'vitest';
import { createMemoryLinePair } from './memory-line.ts';

describe('in-memory cable', () => {
  it('carries bytes in the chunks they were written, lent to the listener and zeroed once it returns', async () => {
    const pair = createMemoryLinePair();
    const copies: number[][] = [];
    const lent: Uint8Array[] = [];
    pair.device.onData((chunk) => {
      copies.push([...chunk]);
      lent.push(chunk);
    });
    const written = Uint8Array.of(0x6b, 0x8b, 0xf3, 0x53);
    await pair.host.write(written);
    await pair.host.write(Uint8Array.of(0x01));
    await new Promise((resolve) => setImmediate(resolve));
    expect(copies).toEqual([[0x6b, 0x8b, 0xf3, 0x53], [0x01]]);
    expect(lent.every((chunk) => chunk.every((byte) => byte === 0))).toBe(true);
    // the writer's own buffer is left alone
    expect([...written]).toEqual([0x6b, 0x8b, 0xf3, 0x53]);
  });
});
