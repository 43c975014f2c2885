/** Milliseconds since `started` (a `performance.now()` reading), rounded to `decimals` places for logs and reports. */
export function msSince(started: number, decimals = 2): number {
  const scale = 10 ** decimals;
  return Math.round((performance.now() - started) * scale) / scale;
}
