/** Times are stored as epoch milliseconds and shown in the API as Unix seconds, as Stripe does. */
export function toSeconds(ms: number): number;
export function toSeconds(ms: number | null | undefined): number | null;
export function toSeconds(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.floor(ms / 1000);
}
