/**
 * Words abbreviated inside city, place and street names ("St Paul", "Ft Worth", "Mt Vernon Rd", "Palm Bch"), with
 * their full forms, so both spellings of a name compare equal.
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

/**
 * Highway-style street names, abbreviated and written out ("HWY 61" / "HIGHWAY 61", "SR 9" / "STATE ROUTE 9"); one
 * word each, read in street names only. "CR" (County Road) is left out: in Australian addresses it is Crescent.
 * Source: USPS Publication 28, highway-style addresses (the standard spells the highway words out: COUNTY ROAD,
 * STATE ROUTE, HIGHWAY), with the abbreviations found in mailing lists.
 */
export const HIGHWAY_WORDS: readonly (readonly [string, string])[] = [
  ["HWY", "HIGHWAY"],
  ["HWAY", "HIGHWAY"],
  ["RTE", "ROUTE"],
  ["RT", "ROUTE"],
  ["SR", "STATE ROUTE"],
];

/**
 * Ordinal street names written out ("Fifth Avenue") and as numbers ("5th Ave"): both read as the number.
 * Source: English ordinal numerals; USPS-standardized addresses write numbered streets as "5TH".
 */
export const ORDINAL_WORDS: readonly (readonly [string, string])[] = [
  ["FIRST", "1ST"],
  ["SECOND", "2ND"],
  ["THIRD", "3RD"],
  ["FOURTH", "4TH"],
  ["FIFTH", "5TH"],
  ["SIXTH", "6TH"],
  ["SEVENTH", "7TH"],
  ["EIGHTH", "8TH"],
  ["NINTH", "9TH"],
  ["TENTH", "10TH"],
  ["ELEVENTH", "11TH"],
  ["TWELFTH", "12TH"],
  ["THIRTEENTH", "13TH"],
  ["FOURTEENTH", "14TH"],
  ["FIFTEENTH", "15TH"],
  ["SIXTEENTH", "16TH"],
  ["SEVENTEENTH", "17TH"],
  ["EIGHTEENTH", "18TH"],
  ["NINETEENTH", "19TH"],
  ["TWENTIETH", "20TH"],
  ["THIRTIETH", "30TH"],
  ["FORTIETH", "40TH"],
  ["FIFTIETH", "50TH"],
  ["SIXTIETH", "60TH"],
  ["SEVENTIETH", "70TH"],
  ["EIGHTIETH", "80TH"],
  ["NINETIETH", "90TH"],
  ["HUNDREDTH", "100TH"],
];
