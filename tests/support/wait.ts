/**
 * Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` with
 * `what` and the last thing the probe reported (so a failure says what the system was doing).
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<{ value?: T; note?: string }>,
  timeoutMs = 5_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastNote = 'never probed';
  for (;;) {
    const { value, note } = await probe();
    if (value !== undefined) return value;
    lastNote = note ?? lastNote;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${lastNote}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
