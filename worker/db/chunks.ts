/**
 * D1 binds at most 100 parameters per statement, so a list of ids in `IN (…)` is split into statements that each
 * stay under it (with room left for the statement's other parameters).
 */

/** The most ids one `inArray` may bind; the rest of the statement keeps the remaining ten. */
export const MAX_IDS_PER_STATEMENT = 90;

/** `items` as consecutive slices of at most `size` (none for an empty list). */
export function chunked<T>(items: readonly T[], size = MAX_IDS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
