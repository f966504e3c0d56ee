/**
 * Polls `probe` every 5 ms until it gives a value, for tests that run a real driver against its
 * simulator with real timers (the in-memory cable delivers on a later tick).
 */
export async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
