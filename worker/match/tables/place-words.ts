/**
 * Words abbreviated inside city and place names ("St Paul", "Ft Worth", "Mt Eliza", "Palm Bch"), with their full
 * forms, so both spellings of a city compare equal.
 *
 * Source: the same abbreviations USPS Publication 28 uses for street suffixes and directionals (Appendix C1, section
 * 233), as they appear in place names; "St"/"Ste" for Saint/Sainte follows common US and Australian place-name usage.
 * Each row: abbreviation, full word (upper case).
 */
export const CITY_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ["ST", "SAINT"],
  ["STE", "SAINTE"],
  ["FT", "FORT"],
  ["MT", "MOUNT"],
  ["PT", "PORT"],
  ["N", "NORTH"],
  ["S", "SOUTH"],
  ["E", "EAST"],
  ["W", "WEST"],
  ["HTS", "HEIGHTS"],
  ["SPGS", "SPRINGS"],
  ["VLG", "VILLAGE"],
  ["BCH", "BEACH"],
  ["IS", "ISLAND"],
  ["LK", "LAKE"],
  ["CTR", "CENTER"],
  ["CENTRE", "CENTER"],
];
