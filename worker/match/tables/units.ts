/**
 * Secondary unit designators (the "Apt 4B" part of an address).
 *
 * Source: USPS Publication 28, Appendix C2 "Secondary Unit Designators" (approved designators and their standard
 * abbreviations; which ones need a range such as a number). Appended: designators common in Australian addresses
 * (AS/NZS 4819 sub-dwelling unit types: flat, villa, shop, level, site, section) so those parse as units too, and
 * the French designators of Canada Post's addressing guidelines (APP/APPARTEMENT, LOGEMENT, BUREAU, UNITÉ), and CONDO.
 * Each row: the standard abbreviation first, then the spellings that mean it (upper case, no punctuation).
 */
export const UNIT_DESIGNATORS: readonly (readonly string[])[] = [
  ["APT", "APARTMENT", "APPT", "APTMT", "APP", "APPARTEMENT", "LOGEMENT"],
  ["BSMT", "BASEMENT"],
  ["BLDG", "BUILDING", "BLD"],
  ["DEPT", "DEPARTMENT"],
  ["FL", "FLOOR", "FLR"],
  ["FRNT", "FRONT"],
  ["HNGR", "HANGAR"],
  ["KEY"],
  ["LBBY", "LOBBY"],
  ["LOT"],
  ["LOWR", "LOWER"],
  ["OFC", "OFFICE"],
  ["PH", "PENTHOUSE"],
  ["PIER"],
  ["REAR"],
  ["RM", "ROOM"],
  ["SIDE"],
  ["SLIP"],
  ["SPC", "SPACE"],
  ["STOP"],
  ["STE", "SUITE", "SUIT", "BUREAU"],
  ["TRLR", "TRAILER"],
  ["UNIT", "UNT", "U", "UNITE", "CONDO"],
  ["UPPR", "UPPER"],
  ["#", "NO", "NUMBER"],
  // Australian sub-dwelling types (AS/NZS 4819).
  ["FLAT", "FLT"],
  ["VLLA", "VILLA"],
  ["SHOP"],
  ["LEVEL", "LVL", "L"],
  ["SITE"],
  ["SEC", "SECTION"],
  ["TNHS", "TOWNHOUSE"],
];
