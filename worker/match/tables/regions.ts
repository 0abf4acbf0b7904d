/**
 * States, territories and provinces: official codes and names.
 *
 * Sources: USPS Publication 28, Appendix B "Two-Letter State and Possession Abbreviations" (50 states, DC,
 * territories, freely associated states and the Armed Forces codes); Australia Post state and territory
 * abbreviations; Canada Post province and territory symbols. Each row: country, code, then the names and other
 * spellings that mean it (upper case, no punctuation). Codes written with periods ("N.Y.", "N.S.W.", "D.C.") fold to
 * spaced letters ("N Y") and are listed that way, with the older GPO Style Manual forms ("N MEX", "W VA"); the
 * Australian two-letter ones (S.A., W.A., N.T.) are left out: spaced, they read like unit letters and directionals.
 */
export interface RegionRow {
  readonly country: "US" | "AU" | "CA";
  readonly code: string;
  readonly names: readonly string[];
}

const us = (code: string, ...names: string[]): RegionRow => ({ country: "US", code, names });
const au = (code: string, ...names: string[]): RegionRow => ({ country: "AU", code, names });
const ca = (code: string, ...names: string[]): RegionRow => ({ country: "CA", code, names });

export const REGIONS: readonly RegionRow[] = [
  us("AL", "ALABAMA", "ALA"),
  us("AK", "ALASKA"),
  us("AZ", "ARIZONA", "ARIZ"),
  us("AR", "ARKANSAS", "ARK"),
  us("CA", "CALIFORNIA", "CALIF", "CAL"),
  us("CO", "COLORADO", "COLO"),
  us("CT", "CONNECTICUT", "CONN"),
  us("DE", "DELAWARE", "DEL"),
  // "D.C." folds to "D C". "WASHINGTON DC" is the city and the district: the city stays the city's (a state field
  // holding both is read from its end).
  us("DC", "DISTRICT OF COLUMBIA", "D C"),
  us("FL", "FLORIDA", "FLA"),
  us("GA", "GEORGIA"),
  us("HI", "HAWAII"),
  us("ID", "IDAHO"),
  us("IL", "ILLINOIS", "ILL"),
  us("IN", "INDIANA", "IND"),
  us("IA", "IOWA"),
  us("KS", "KANSAS", "KANS"),
  us("KY", "KENTUCKY"),
  us("LA", "LOUISIANA"),
  us("ME", "MAINE"),
  us("MD", "MARYLAND"),
  us("MA", "MASSACHUSETTS", "MASS"),
  us("MI", "MICHIGAN", "MICH"),
  us("MN", "MINNESOTA", "MINN"),
  us("MS", "MISSISSIPPI", "MISS"),
  us("MO", "MISSOURI"),
  us("MT", "MONTANA", "MONT"),
  us("NE", "NEBRASKA", "NEBR"),
  us("NV", "NEVADA", "NEV"),
  us("NH", "NEW HAMPSHIRE", "N H"),
  us("NJ", "NEW JERSEY", "N J"),
  us("NM", "NEW MEXICO", "N M", "N MEX"),
  us("NY", "NEW YORK", "N Y"),
  us("NC", "NORTH CAROLINA", "N C"),
  us("ND", "NORTH DAKOTA", "N D", "N DAK"),
  us("OH", "OHIO"),
  us("OK", "OKLAHOMA", "OKLA"),
  us("OR", "OREGON", "ORE"),
  us("PA", "PENNSYLVANIA", "PENN"),
  us("RI", "RHODE ISLAND", "R I"),
  us("SC", "SOUTH CAROLINA", "S C"),
  us("SD", "SOUTH DAKOTA", "S D", "S DAK"),
  us("TN", "TENNESSEE", "TENN"),
  us("TX", "TEXAS", "TEX"),
  us("UT", "UTAH"),
  us("VT", "VERMONT"),
  us("VA", "VIRGINIA"),
  us("WA", "WASHINGTON", "WASH"),
  us("WV", "WEST VIRGINIA", "W VA", "W V"),
  us("WI", "WISCONSIN", "WIS", "WISC"),
  us("WY", "WYOMING"),
  us("AS", "AMERICAN SAMOA"),
  us("GU", "GUAM"),
  us("MP", "NORTHERN MARIANA ISLANDS"),
  us("PR", "PUERTO RICO"),
  us("VI", "VIRGIN ISLANDS", "US VIRGIN ISLANDS"),
  us("UM", "UNITED STATES MINOR OUTLYING ISLANDS"),
  us("FM", "FEDERATED STATES OF MICRONESIA", "MICRONESIA"),
  us("MH", "MARSHALL ISLANDS"),
  us("PW", "PALAU"),
  us("AA", "ARMED FORCES AMERICAS"),
  us("AE", "ARMED FORCES EUROPE"),
  us("AP", "ARMED FORCES PACIFIC"),
  au("NSW", "NEW SOUTH WALES", "N S W"),
  au("VIC", "VICTORIA"),
  au("QLD", "QUEENSLAND"),
  au("WA", "WESTERN AUSTRALIA"),
  au("SA", "SOUTH AUSTRALIA"),
  au("TAS", "TASMANIA"),
  au("ACT", "AUSTRALIAN CAPITAL TERRITORY", "A C T"),
  au("NT", "NORTHERN TERRITORY"),
  au("JBT", "JERVIS BAY TERRITORY"),
  ca("AB", "ALBERTA"),
  ca("BC", "BRITISH COLUMBIA"),
  ca("MB", "MANITOBA"),
  ca("NB", "NEW BRUNSWICK"),
  ca("NL", "NEWFOUNDLAND AND LABRADOR", "NEWFOUNDLAND"),
  ca("NS", "NOVA SCOTIA"),
  ca("NT", "NORTHWEST TERRITORIES"),
  ca("NU", "NUNAVUT"),
  ca("ON", "ONTARIO"),
  ca("PE", "PRINCE EDWARD ISLAND", "PEI", "P E I"),
  ca("QC", "QUEBEC"),
  ca("SK", "SASKATCHEWAN"),
  ca("YT", "YUKON"),
];

/**
 * The first three digits of the ZIP Codes of the District of Columbia (USPS ZIP Code prefixes: 200 and 202–205 are
 * Washington, DC; 569 is its parcel return service). A state typed as "Washington" with one of them is the District.
 */
export const DC_ZIP_PREFIXES: readonly string[] = ["200", "202", "203", "204", "205", "569"];

/**
 * Codes that, spelled letter by letter as a segment of their own, name a city more often than the state, with the
 * city's state and the range of its three-digit ZIP Code prefixes (USPS: 900–918 are Los Angeles and its county):
 * "L.A. 90028" is Los Angeles, "L.A. 70112" Louisiana. In a city field ("LA, CA") the letters are the city too.
 */
export const SPELLED_CITIES: Readonly<Record<string, { city: string; state: string; zip: readonly [number, number] }>> =
  {
    LA: { city: "LOS ANGELES", state: "CA", zip: [900, 918] },
  };

/** Country names as they appear at the end of one-line addresses, by ISO 3166-1 alpha-2 code. */
export const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ["US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA", "U S A"],
  AU: ["AU", "AUS", "AUSTRALIA"],
  CA: ["CANADA"],
  GB: ["UK", "GB", "UNITED KINGDOM", "GREAT BRITAIN", "ENGLAND"],
  NZ: ["NZ", "NEW ZEALAND"],
};

/** International calling codes for the countries whose national phone formats we read (ITU-T E.164 assignments). */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  US: "1",
  CA: "1",
  PR: "1",
  GU: "1",
  VI: "1",
  AU: "61",
  NZ: "64",
  GB: "44",
  IE: "353",
  DE: "49",
  FR: "33",
  ES: "34",
  IT: "39",
  NL: "31",
  MX: "52",
  IN: "91",
  SG: "65",
};
