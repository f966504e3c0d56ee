/** Lengths of time the demo platform's schedules are written in. */
export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;
