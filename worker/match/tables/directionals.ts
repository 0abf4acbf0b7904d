/**
 * Directionals before or after a street name ("N Main St", "Main St NW").
 *
 * Source: USPS Publication 28, section 233 "Directionals" (pre- and post-directionals): the eight compass
 * directions and their one- or two-letter standard abbreviations.
 * Each row: the standard abbreviation first, then the spellings that mean it.
 */
export const DIRECTIONALS: readonly (readonly string[])[] = [
  ["N", "NORTH"],
  ["S", "SOUTH"],
  ["E", "EAST"],
  ["W", "WEST"],
  ["NE", "NORTHEAST", "NORTH EAST"],
  ["NW", "NORTHWEST", "NORTH WEST"],
  ["SE", "SOUTHEAST", "SOUTH EAST"],
  ["SW", "SOUTHWEST", "SOUTH WEST"],
];
