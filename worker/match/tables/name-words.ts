/**
 * Words around a personal name that are not the name: honorifics, generational and professional suffixes, surname
 * particles, and the words that mark an organisation rather than a person.
 *
 * Sources: honorifics and post-nominals as listed in the US Government Publishing Office Style Manual (2016),
 * chapter 9 "Abbreviations and Letter Symbols" (titles, academic degrees, "Jr.", "Sr.", roman numerals); surname
 * particles from common Romance, Germanic and Celtic naming usage (de, van, von, O', Mac…); business entity words
 * from the legal entity designators of US state corporation statutes (LLC, Inc., Corp., Co., LP, LLP, PLLC, PC) and
 * foreign equivalents in ISO 20275 "Entity Legal Forms" (Ltd, Pty, GmbH, AG, SA, SARL, BV, NV, …), plus trade words
 * that name an organisation (Trust, Holdings, Partners, Services…). All upper case, no punctuation.
 */

/** Titles written before a name. */
export const HONORIFICS: readonly string[] = [
  "MR",
  "MRS",
  "MS",
  "MISS",
  "MX",
  "MSTR",
  "MASTER",
  "DR",
  "DOCTOR",
  "PROF",
  "PROFESSOR",
  "REV",
  "REVEREND",
  "FR",
  "FATHER",
  "SR",
  "SISTER",
  "BR",
  "BROTHER",
  "PASTOR",
  "RABBI",
  "IMAM",
  "HON",
  "HONORABLE",
  "HONOURABLE",
  "JUDGE",
  "JUSTICE",
  "SIR",
  "DAME",
  "LORD",
  "LADY",
  "CAPT",
  "CAPTAIN",
  "COL",
  "COLONEL",
  "LT",
  "LIEUTENANT",
  "MAJ",
  "MAJOR",
  "GEN",
  "GENERAL",
  "SGT",
  "SERGEANT",
  "CPL",
  "CORPORAL",
  "ADM",
  "ADMIRAL",
  "CMDR",
  "COMMANDER",
  "OFC",
  "OFFICER",
  "SEN",
  "SENATOR",
  "REP",
  "GOV",
  "GOVERNOR",
  "PRES",
  "MME",
  "MLLE",
  "SENOR",
  "SENORA",
  "SENORITA",
  "SR",
  "SRA",
  "SRTA",
  "HERR",
  "FRAU",
  "DON",
  "DONA",
];

/** Generational suffixes and unambiguous post-nominals, dropped from the end of a name. */
export const NAME_SUFFIXES: readonly string[] = [
  "JR",
  "JNR",
  "JUNIOR",
  "SR",
  "SNR",
  "SENIOR",
  "II",
  "III",
  "IV",
  "VI",
  "VII",
  "VIII",
  "2ND",
  "3RD",
  "4TH",
  "ESQ",
  "ESQUIRE",
  "PHD",
  "DDS",
  "DMD",
  "DVM",
  "CPA",
  "CFA",
  "CFP",
  "MBA",
  "LLM",
  "USMC",
  "USAF",
  "OBE",
  "MBE",
  "CBE",
];

/**
 * Post-nominals that are also surnames or initials ("Ma", "Do", "MD"): dropped only when written after a comma
 * ("John Smith, MD").
 */
export const PROFESSIONAL_SUFFIXES: readonly string[] = [
  "MD",
  "DO",
  "RN",
  "NP",
  "PA",
  "JD",
  "MA",
  "MS",
  "BA",
  "BS",
  "BSC",
  "MSC",
  "PE",
  "RET",
  "USN",
  "USA",
  "KC",
  "QC",
  "V",
];

/** Particles that begin multi-word surnames ("de la Cruz", "van der Berg"); kept with the word that follows. */
export const SURNAME_PARTICLES: readonly string[] = [
  "DE",
  "DEL",
  "DELLA",
  "DELA",
  "DA",
  "DAS",
  "DO",
  "DOS",
  "DI",
  "DU",
  "LA",
  "LE",
  "LO",
  "LOS",
  "LAS",
  "VAN",
  "VON",
  "DER",
  "DEN",
  "TER",
  "TEN",
  "VAN DER",
  "AL",
  "EL",
  "BIN",
  "BEN",
  "IBN",
  "ST",
  "SAINT",
  "STE",
  "MAC",
  "MC",
  "Y",
];

/** Particles that are also given names (Al, Ben, Van…): a name that starts with one is read given name first. */
export const GIVEN_LIKE_PARTICLES: readonly string[] = ["AL", "BEN", "BIN", "VAN", "DEL", "MAC", "EL", "LO", "Y"];

/**
 * Words that mark an organisation: legal entity forms (strong, any position) and trade words (weak: a business
 * only when they close the name or sit beside a strong word, because "Trust" and "Bank" can be surnames).
 */
export const BUSINESS_ENTITY_FORMS: readonly string[] = [
  "LLC",
  "L L C",
  "LLP",
  "LP",
  "PLLC",
  "PLC",
  "INC",
  "INCORPORATED",
  "CORP",
  "CORPORATION",
  "CO",
  "COMPANY",
  "LTD",
  "LIMITED",
  "PTY",
  "PROPRIETARY",
  "GMBH",
  "AG",
  "KG",
  "SA",
  "SAS",
  "SARL",
  "SRL",
  "SPA",
  "BV",
  "NV",
  "AB",
  "AS",
  "OY",
  "KK",
  "PC",
  "PA",
  "NA",
  "FSB",
  "DBA",
  "TRUST",
  "TRUSTEE",
  "TRUSTEES",
  "TTEE",
  "TTEES",
  "ESTATE",
  "IOLTA",
  "COMMITTEE",
  "CAMPAIGN",
  "FOUNDATION",
  "ASSOCIATION",
  "ASSN",
  "ASSOC",
  "SOCIETY",
  "FUND",
  "CHARITY",
  "UNLIMITED",
  "ULC",
  "CIC",
  "LLLP",
];

/**
 * Entity forms that are also surnames or initials ("Na", "Co", "Sa"): an organisation only as the last word of a name
 * of three words or more ("Johnson Consulting Co", not "Maria Na").
 */
export const BUSINESS_ENTITY_FORMS_AT_END: readonly string[] = [
  "CO",
  "SA",
  "AG",
  "AB",
  "AS",
  "NA",
  "PA",
  "PC",
  "LP",
  "BV",
  "NV",
  "KK",
  "OY",
  "KG",
];

/** Trade words: an organisation when they end the name ("Sanchez Plumbing") or come with an entity form. */
export const BUSINESS_TRADE_WORDS: readonly string[] = [
  "HOLDINGS",
  "HOLDING",
  "GROUP",
  "PARTNERS",
  "PARTNERSHIP",
  "ENTERPRISES",
  "ENTERPRISE",
  "INDUSTRIES",
  "SERVICES",
  "SERVICE",
  "SOLUTIONS",
  "CONSULTING",
  "CONSULTANTS",
  "VENTURES",
  "CAPITAL",
  "INVESTMENTS",
  "PROPERTIES",
  "REALTY",
  "MANAGEMENT",
  "TRADING",
  "PLUMBING",
  "ELECTRIC",
  "CONSTRUCTION",
  "CONTRACTORS",
  "BUILDERS",
  "LANDSCAPING",
  "RESTAURANT",
  "CAFE",
  "BAKERY",
  "STUDIO",
  "STUDIOS",
  "MEDIA",
  "MARKETING",
  "LOGISTICS",
  "TRANSPORT",
  "TRUCKING",
  "SUPPLY",
  "SUPPLIES",
  "SYSTEMS",
  "TECHNOLOGIES",
  "TECHNOLOGY",
  "TECH",
  "LABS",
  "PRODUCTIONS",
  "DESIGN",
  "DESIGNS",
  "MOTORS",
  "FARMS",
  "CLINIC",
  "DENTAL",
  "MEDICAL",
  "PHARMACY",
  "INSURANCE",
  "AGENCY",
  "FINANCIAL",
  "ACCOUNTING",
  "LEGAL",
  "ASSOCIATES",
  "BROTHERS",
  "BROS",
  "SONS",
  "INTERNATIONAL",
  "GLOBAL",
  "WORLDWIDE",
  "COMPANIES",
  "IMPORTS",
  "EXPORTS",
  "DISTRIBUTION",
  "DISTRIBUTORS",
  "MANUFACTURING",
  "PRODUCTS",
  "RETAIL",
  "WHOLESALE",
  "FOODS",
  "CATERING",
  "CLEANING",
  "REPAIR",
  "ROOFING",
  "HVAC",
  "PAINTING",
  "FITNESS",
  "SALON",
  "MINISTRIES",
  "ACADEMY",
  "SCHOOL",
  "UNIVERSITY",
  "COLLEGE",
  "HOSPITAL",
  "PROPERTY",
  "INVESTMENT",
  "EQUITY",
  "ADVISORS",
  "ADVISERS",
];

/**
 * Trades in sole traders' account titles ("ANNA PHOTOGRAPHY", "TONY PIZZA"). Each is also someone's surname (Pizza,
 * Care, Tax, Yoga…), so they never make a name an organisation; they only stop a given name followed by one from
 * reading as a changed surname. Common small-business trades, from US sole-proprietor account titles.
 */
export const SOLE_TRADER_WORDS: readonly string[] = [
  "PHOTOGRAPHY",
  "PHOTO",
  "PIZZA",
  "PIZZERIA",
  "DAYCARE",
  "CHILDCARE",
  "PRESCHOOL",
  "COSMETICS",
  "BEAUTY",
  "NAILS",
  "SPA",
  "BARBERSHOP",
  "HANDYMAN",
  "SVC",
  "SVCS",
  "CARE",
  "AUTO",
  "AUTOMOTIVE",
  "TOWING",
  "HAULING",
  "MOVING",
  "TRANSPORTATION",
  "FLOORING",
  "MASONRY",
  "DRYWALL",
  "CONCRETE",
  "PRINTING",
  "TAX",
  "TAXES",
  "BOOKKEEPING",
  "TUTORING",
  "THERAPY",
  "COUNSELING",
  "MASSAGE",
  "WELLNESS",
  "YOGA",
  "GROOMING",
  "BOUTIQUE",
  "CATERERS",
  "CLEANERS",
  "LAUNDRY",
];

/**
 * Words that name an account rather than a person ("MARY SAVINGS", "JOHN IRA"): in the surname's place they say
 * nothing about a surname. From US deposit and retirement account titles (FDIC "Your Insured Deposits" categories).
 */
export const ACCOUNT_WORDS: readonly string[] = [
  "savings",
  "checking",
  "chk",
  "sav",
  "account",
  "acct",
  "joint",
  "ira",
  "roth",
  "sep",
  "hsa",
  "business",
  "personal",
  "household",
  "family",
];

/**
 * How US banks title accounts with more than one name in the owner's name field. Sources: common account-title
 * conventions in US deposit and brokerage registrations (the Uniform TOD Security Registration Act's "TOD" and
 * "POD" forms; joint-tenancy abbreviations JTWROS, JT TEN, TEN COM, TEN ENT; "ITF"/"ATF" trust accounts; "DBA"
 * assumed-name filings), as listed in FDIC's "Your Insured Deposits" account categories. Lower case, folded.
 */
/** Words joining the names of joint owners ("ROBERT & MARY SMITH", "A SMITH OR B SMITH"). */
export const JOINT_CONNECTORS: readonly string[] = ["and", "or"];
/** Joint-tenancy designations: how several owners hold the account; between two names they join them. */
export const TENANCY_DESIGNATIONS: readonly (readonly string[])[] = [
  ["jtwros"],
  ["jt", "wros"],
  ["wros"],
  ["jtten"],
  ["jt", "ten"],
  ["ten", "com"],
  ["ten", "ent"],
  ["joint", "tenants"],
  ["tenants", "in", "common"],
  ["husband", "and", "wife"],
  ["husband", "wife"],
];
/** Words saying the field lists more owners than it names ("ET AL"): they go, and never join two names. */
export const MORE_OWNERS_DESIGNATIONS: readonly (readonly string[])[] = [["et", "al"], ["etal"]];
/**
 * Words that make a field a fiduciary, custodial or estate account (trustee, custodian for a minor, guardian,
 * executor, agent, decedent): who owns it is not a plain list of names, so such a field is never split into people
 * and a person decides. These are never names, and count after any name word.
 */
export const FIDUCIARY_WORDS: readonly string[] = [
  "ttee",
  "ttees",
  "trustee",
  "trustees",
  "trs",
  "uad",
  "dtd",
  "cust",
  "custodian",
  "utma",
  "ugma",
  "gdn",
  "grdn",
  "conservator",
  "exr",
  "executor",
  "executrix",
  "admr",
  "administrator",
  "administratrix",
  "decd",
  "deceased",
  "decedent",
  "guardianship",
  "conservatorship",
  "conservatee",
  "receivership",
  "heirs",
  "debtor",
  "succession",
];
/**
 * Fiduciary words that are also surnames (Minor, Agent, Guardian, Poa, Est, Tr): they count only in a fiduciary
 * phrase — after "a", "as" or "the", before "for", "of", "in" or a trust date ("UA", "DTD"), or closing a field
 * after a comma ("SMITH, JOHN MINOR": the surname stands before the comma) or, for TR, after two whole words.
 */
export const FIDUCIARY_WORDS_IN_CONTEXT: readonly string[] = [
  "minor",
  "agent",
  "payee",
  "guardian",
  "attorney",
  "atty",
  "exec",
  "admin",
  "escrow",
  "tr",
  "ua",
  "est",
  "estate",
  "poa",
  "rep",
  "representative",
];
/**
 * Words closing a person's name that mark an estate or a court's officer ("JOHN SMITH DEC", "… RECEIVER") or opening
 * it ("THE LATE JOHN SMITH"), but are also surnames (Dec, Late): read only against the applicant's own name, never
 * inside a joint field ("JAN DEC & ANNA DEC" are the Decs).
 */
export const ESTATE_WORDS_AGAINST_APPLICANT: readonly string[] = ["dec", "late", "receiver"];
/** Words that make a neighbouring word above a fiduciary one: "AS AGENT", "A MINOR", "GUARDIAN OF", "TR UA". */
export const FIDUCIARY_BEFORE: readonly string[] = ["a", "as", "the", "its", "pers", "personal", "successor", "rep"];
export const FIDUCIARY_AFTER: readonly string[] = ["for", "of", "in", "fbo", "ua", "uad", "dtd", "u", "est", "estate"];
/** Fiduciary words that also count as the last word after two whole name words ("JOHN SMITH TR"). */
export const FIDUCIARY_AT_END: readonly string[] = ["tr"];
/**
 * Words that introduce someone named after the account holder who does not hold it: a beneficiary ("MARY SMITH POD
 * JOHN SMITH", "FBO") or the minor a custodian acts for ("MARY SMITH CUST JOHN SMITH UTMA").
 */
export const BENEFICIARY_MARKERS: readonly (readonly string[])[] = [
  ["fbo"],
  ["bene"],
  ["beneficiary"],
  ["cust"],
  ["custodian", "for"],
  ["trustee", "for"],
  ["ttee", "for"],
  ["pod"],
  ["tod"],
  ["itf"],
  ["payable", "on", "death"],
  ["transfer", "on", "death"],
  ["in", "trust", "for"],
];
/** Words that introduce the trade name a person does business under ("MARY SMITH DBA SMITH BAKERY"). */
export const TRADE_NAME_MARKERS: readonly (readonly string[])[] = [
  ["dba"],
  ["doing", "business", "as"],
  ["trading", "as"],
];
