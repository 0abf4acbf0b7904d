import { describe, expect, it } from "vitest";
import {
  type AddressFields,
  compareAddresses,
  parseAddressFields,
  parseAddressLine,
} from "../../worker/match/addresses";

function line(raw: string, cityHint: string | null = null) {
  const parsed = parseAddressLine(raw, cityHint);
  if (!parsed) throw new Error("test address must parse");
  return parsed;
}

/** The applicant's form fields, parsed (a test's form address must parse). */
function fields(typed: AddressFields) {
  const parsed = parseAddressFields(typed);
  if (!parsed) throw new Error("test form address must parse");
  return parsed;
}

describe("parsing one-line US addresses", () => {
  it("splits number, directional, street, type, unit, city, state and ZIP+4", () => {
    expect(line("123 N Main St Apt 4, Springfield, IL 62704-1234")).toMatchObject({
      number: "123",
      pre_direction: "N",
      street_name: "MAIN",
      street_type: "ST",
      unit_type: "APT",
      unit: "4",
      city: "SPRINGFIELD",
      state: "IL",
      postal_code: "62704",
      postal_code_ext: "1234",
      country: "US",
    });
  });

  it("finds the city without commas after the street type", () => {
    expect(line("525 SW MARKET HWY BOISE ID 83706-7474")).toMatchObject({
      number: "525",
      pre_direction: "SW",
      street_name: "MARKET",
      street_type: "HWY",
      city: "BOISE",
      state: "ID",
    });
    expect(line("6027 NORTHEAST LAUREL BLVD UNIT 27 MADISON WI 53772")).toMatchObject({
      pre_direction: "NE",
      street_type: "BLVD",
      unit: "27",
      city: "MADISON",
    });
  });

  it("standardizes street types and directionals with USPS Publication 28 abbreviations", () => {
    expect(line("10 West Chestnut Boulevard, Portland, OR 97286")).toMatchObject({
      pre_direction: "W",
      street_name: "CHESTNUT",
      street_type: "BLVD",
    });
    expect(line("1600 Pennsylvania Avenue NW, Washington, DC 20500")).toMatchObject({
      street_type: "AVE",
      post_direction: "NW",
      city: "WASHINGTON",
      state: "DC",
    });
  });

  it("reads state names as codes", () => {
    expect(line("4875 MAGNOLIA CIRCLE, PORTLAND, OREGON 97214-5367").state).toBe("OR");
    expect(line("1 Main St, Raleigh, North Carolina 27601").state).toBe("NC");
  });

  it("reads a misspelled state name through the fuzzy region table", () => {
    expect(line("1 Main St, Boston, MASSACHUSSETS 02108")).toMatchObject({ city: "BOSTON", state: "MA" });
    expect(line("1 Main St, Sacramento, CALIFRONIA 95814")).toMatchObject({ city: "SACRAMENTO", state: "CA" });
  });

  it.each([
    ["9365 Liberty Ct #16 Raleigh NC 27669", "#", "16"],
    ["8450 Willow Sq Ste 39, Las Vegas, NV 89113", "STE", "39"],
    ["1 Main St Suite 200, Austin, TX 78701", "STE", "200"],
    ["3230 WEST WILLOW AVENUE FL 7A, COLUMBUS, OH 43263", "FL", "7A"],
  ])("reads the secondary unit in %s", (raw, type, unit) => {
    expect(line(raw)).toMatchObject({ unit_type: type, unit });
  });

  it("reads post office boxes", () => {
    expect(line("PO Box 123, Austin, TX 78701")).toMatchObject({
      street_name: "PO BOX",
      number: "123",
      city: "AUSTIN",
    });
  });
});

describe("parsing other countries", () => {
  it("parses an Australian address with a locality and no street name", () => {
    expect(line("115, HAWKSVIEW, BALWYN NORTH, WA 2099")).toMatchObject({
      number: "115",
      street_name: null,
      localities: ["HAWKSVIEW"],
      city: "BALWYN NORTH",
      state: "WA",
      postal_code: "2099",
      country: "AU",
    });
  });

  it("parses an Australian unit written as 5/23 and a trailing country", () => {
    expect(line("Unit 5/23 Smith Street, Fitzroy VIC 3065, Australia")).toMatchObject({
      unit: "5",
      number: "23",
      street_name: "SMITH",
      street_type: "ST",
      city: "FITZROY",
      state: "VIC",
      country: "AU",
    });
  });

  it("splits a street type glued to the street name", () => {
    expect(line("7 Bangalaycrescent, Carisbrook, Mount Gravatt, NSW 4122")).toMatchObject({
      street_name: "BANGALAY",
      street_type: "CRES",
    });
  });

  it("reads a misspelled street type", () => {
    expect(line("9 La Perouse Astreet, Bull Plain, Bogangar, VIC 3173").street_type).toBe("ST");
  });
});

describe("comparing addresses", () => {
  const applicant = fields({
    line1: "123 North Main Street",
    line2: "Apartment 4",
    city: "Saint Paul",
    state: "Minnesota",
    postal_code: "55101",
    country: "US",
  });

  it("matches the same address written the bank's way", () => {
    const r = compareAddresses(applicant, line("123 N MAIN ST APT 4 ST PAUL MN 55101-2233"));
    expect(r.score).toBe(100);
    expect(r.flags).toEqual({
      postal_code: "match",
      street_number: "match",
      street_name: "match",
      unit: "match",
      city: "match",
      state: "match",
    });
    expect(r.reasons[0]).toBe("Postal code, street number, street name, unit, city and state match");
  });

  it("compares unit numbers whatever designator each side uses", () => {
    expect(compareAddresses(applicant, line("123 N Main St Unit 4, Saint Paul, MN 55101")).flags.unit).toBe("match");
  });

  it("marks components missing on one side as missing, not as mismatches", () => {
    const r = compareAddresses(applicant, line("123 N Main St, Saint Paul, MN 55101"));
    expect(r.flags.unit).toBe("missing");
    expect(r.score).toBe(100);
  });

  it("scores a neighbour on the same street below the same address", () => {
    const r = compareAddresses(applicant, line("127 N Main St, Saint Paul, MN 55101"));
    expect(r.flags.street_number).not.toBe("match");
    expect(r.score).toBeLessThan(90);
  });

  it("scores an unrelated address low", () => {
    const r = compareAddresses(applicant, line("4505 MARKET SQ #18 MIAMI FL 33132"));
    expect(r.score).toBeLessThan(20);
    expect(r.flags.postal_code).toBe("mismatch");
  });

  it("finds the street among place lines when the bank swapped them", () => {
    const a = fields({
      line1: "5 Chandler Street",
      line2: "Namarva Station",
      city: "Hawthorn",
      state: "VIC",
      postal_code: "2614",
      country: "AU",
    });
    const r = compareAddresses(a, line("5 Namarva Station, Chandler Street, Hawthorn, VIC 2614"));
    expect(r.flags.street_name).toBe("match");
  });
});

describe("street names and ZIP codes written differently", () => {
  const typed = (line1: string, city: string, state: string, postal_code: string) => {
    const a = fields({ line1, city, state, postal_code });
    return a;
  };

  it("reads ordinal street names written out and as numbers alike", () => {
    const r = compareAddresses(
      typed("350 Fifth Avenue", "New York", "NY", "10118"),
      line("350 5TH AVE, NEW YORK, NY 10118"),
    );
    expect(r.flags.street_name).toBe("match");
    expect(r.score).toBe(100);
  });

  it("reads abbreviated words inside street names (Mt, Ft, St) as their full forms", () => {
    const r = compareAddresses(
      typed("10 Mount Vernon Rd", "Fort Lee", "NJ", "07024"),
      line("10 MT VERNON RD, FT LEE, NJ 07024"),
    );
    expect(r.flags.street_name).toBe("match");
    expect(r.flags.city).toBe("match");
  });

  it("restores a US ZIP code's lost leading zero, and leaves Australian codes alone", () => {
    expect(line("10 MT VERNON RD, FT LEE, NJ 7024").postal_code).toBe("07024");
    expect(typed("10 Mount Vernon Rd", "Fort Lee", "NJ", "7024").postal_code).toBe("07024");
    expect(line("1 Smith St, Darwin, NT 0812").postal_code).toBe("0812");
    expect(line("16 Reddall Close, Colac, WA 6233").postal_code).toBe("6233");
  });
});

describe("post-directionals without a comma", () => {
  it("reads a directional after the street type as the street's, also when the state took the city's words", () => {
    expect(line("1600 PENNSYLVANIA AVE NW WASHINGTON DC 20500")).toMatchObject({
      number: "1600",
      street_name: "PENNSYLVANIA",
      street_type: "AVE",
      post_direction: "NW",
      state: "DC",
    });
    expect(line("1600 PENNSYLVANIA AVE NW WASHINGTON DC 20500").city).not.toBe("NW");
    expect(line("500 MAIN ST SE APT 4 SALEM OR 97301")).toMatchObject({
      post_direction: "SE",
      unit: "4",
      city: "SALEM",
    });
  });

  it("reads Washington, D.C. written every way as the city Washington in the District of Columbia", () => {
    for (const raw of [
      "1600 PENNSYLVANIA AVE NW WASHINGTON DC 20500",
      "1600 PENNSYLVANIA AVE NW WASHINGTON D C 20500",
      "1600 Pennsylvania Ave NW, Washington, D.C. 20500",
      "1600 Pennsylvania Ave NW, Washington DC 20500",
    ]) {
      expect(line(raw), raw).toMatchObject({
        post_direction: "NW",
        city: "WASHINGTON",
        state: "DC",
        postal_code: "20500",
      });
    }
    expect(line("1 FIRST ST NE, DISTRICT OF COLUMBIA 20543")).toMatchObject({ state: "DC" });
    // A state field holding the city too ("Washington DC", "Sydney NSW") still reads as the state.
    for (const state of ["Washington DC", "D.C.", "District of Columbia"]) {
      expect(parseAddressFields({ line1: "1600 Pennsylvania Ave NW", city: "Washington", state })?.state, state).toBe(
        "DC",
      );
    }
    const form = fields({
      line1: "1600 Pennsylvania Ave NW",
      city: "Washington",
      state: "DC",
      postal_code: "20500",
    });
    const bank = compareAddresses(form, line("1600 PENNSYLVANIA AVE NW WASHINGTON DC 20500"));
    expect(bank.flags.city).toBe("match");
    expect(bank.score).toBe(100);
  });

  it("reads a state typed as Washington with a District ZIP Code as the District", () => {
    const form = fields({
      line1: "1600 Pennsylvania Ave NW",
      city: "Washington",
      state: "Washington",
      postal_code: "20500",
    });
    expect(form?.state).toBe("DC");
    expect(compareAddresses(form, line("1600 PENNSYLVANIA AVE NW, WASHINGTON, DC 20500")).same_home).toBe(true);
    // The bank's one-line address too, and the abbreviation "Wash." the same way.
    expect(line("22 PROSPECT ST, WASHINGTON 20001").state).toBe("DC");
    expect(line("22 PROSPECT ST, WASH. 20001").state).toBe("DC");
    expect(
      parseAddressFields({ line1: "22 Prospect St", city: "Washington", state: "Wash", postal_code: "20001" })?.state,
    ).toBe("DC");
    expect(line("22 PIKE ST, SEATTLE, WASH 98101").state).toBe("WA");
    // Washington State keeps its name.
    expect(
      parseAddressFields({ line1: "1 Main St", city: "Seattle", state: "Washington", postal_code: "98101" })?.state,
    ).toBe("WA");
  });

  it("reads L.A. as Los Angeles and P.E.I. as Prince Edward Island", () => {
    for (const raw of ["1234 SUNSET BLVD, L.A. 90028", "1234 SUNSET BLVD, L.A., CA 90028"]) {
      expect(line(raw), raw).toMatchObject({
        street_name: "SUNSET",
        unit: null,
        city: "LOS ANGELES",
        postal_code: "90028",
      });
      expect(line(raw).state, raw).not.toBe("LA");
    }
    // With a Louisiana ZIP Code, L.A. is the state.
    expect(line("1200 POYDRAS ST, NEW ORLEANS, L.A. 70112")).toMatchObject({ city: "NEW ORLEANS", state: "LA" });
    expect(line("4 OAK ST, L.A. 70501")).toMatchObject({ city: null, state: "LA" });
    // A city typed "L.A." or "LA" in the form, unless the ZIP Code is elsewhere.
    for (const city of ["L.A.", "LA", "l.a"]) {
      const form = fields({ line1: "1234 Sunset Blvd", city, state: "CA", postal_code: "90028" });
      expect(form?.city, city).toBe("LOS ANGELES");
      expect(compareAddresses(form, line("1234 SUNSET BLVD, LOS ANGELES, CA 90028")).same_home, city).toBe(true);
    }
    expect(parseAddressFields({ line1: "1 Main St", city: "LA", postal_code: "70112" })?.city).toBe("LA");
    expect(parseAddressFields({ line1: "1 Main St", city: "LA", postal_code: "98101" })?.city).toBe("LA");
    expect(parseAddressFields({ line1: "1 Main St", city: "LA", country: "MX" })?.city).toBe("LA");
    // The bank's line reads the letters the same way.
    const typed = fields({ line1: "1234 Sunset Blvd", city: "LA", state: "CA" });
    expect(line("1234 SUNSET BLVD, LA CA").city).toBe("LOS ANGELES");
    expect(compareAddresses(typed, line("1234 SUNSET BLVD, LA CA")).same_home).toBe(true);
    expect(line("12 QUEEN ST, CHARLOTTETOWN, P.E.I. C1A 4A2")).toMatchObject({ city: "CHARLOTTETOWN", state: "PE" });
    expect(line("12 QUEEN ST, CHARLOTTETOWN PEI C1A 4A2")).toMatchObject({ state: "PE" });
  });

  it("reads a city field that also holds the state, and state codes written with periods", () => {
    for (const [city, state] of [
      ["Washington DC", "DC"],
      ["Washington, D.C.", "DC"],
      ["Washington DC", ""],
      ["Sydney NSW", "NSW"],
    ] as const) {
      const form = parseAddressFields({ line1: "1 Main St", city, state });
      expect(form?.city, city).toBe(city.startsWith("Sydney") ? "SYDNEY" : "WASHINGTON");
      expect(form?.state, city).toBe(state || "DC");
    }
    // The whole city is a state's name ("New York"), a state's name or abbreviation ends it, or another state than
    // the field's: left as typed.
    expect(parseAddressFields({ line1: "1 Main St", city: "New York", state: "NY" })?.city).toBe("NEW YORK");
    expect(parseAddressFields({ line1: "1 Main St", city: "Mount Penn", state: "PA" })?.city).toBe("MOUNT PENN");
    for (const city of ["Port Washington", "West New York", "Mount Victoria"]) {
      expect(parseAddressFields({ line1: "1 Main St", city })?.city, city).toBe(city.toUpperCase());
    }
    expect(parseAddressFields({ line1: "1 Main St", city: "Ocean City MD", state: "NJ" })?.city).toBe("OCEAN CITY MD");
    expect(line("1 MAIN ST, NEW YORK, N.Y. 10001")).toMatchObject({ city: "NEW YORK", state: "NY" });
    expect(line("12 GEORGE ST, SYDNEY, N.S.W. 2000")).toMatchObject({ city: "SYDNEY", state: "NSW", country: "AU" });
  });

  it("reads French and other unit designators, and never takes two flats for one home", () => {
    const form = fields({
      line1: "4500 rue Saint-Denis",
      line2: "app 4",
      city: "Montréal",
      state: "QC",
      postal_code: "H2J 2L3",
    });
    expect(form.unit).toBe("4");
    for (const [raw, same] of [
      ["4500 RUE SAINT-DENIS, APP 4, MONTREAL, QC H2J 2L3", true],
      ["4500 RUE SAINT-DENIS APP 4 MONTREAL QC H2J 2L3", true],
      ["4500 RUE SAINT-DENIS, APP 7, MONTREAL, QC H2J 2L3", false],
      ["4500 RUE SAINT-DENIS, APPARTEMENT 7, MONTREAL, QC H2J 2L3", false],
      ["4500 RUE SAINT-DENIS, BUREAU 300, MONTREAL, QC H2J 2L3", false],
      ["4500 RUE SAINT-DENIS, CONDO 7, MONTREAL, QC H2J 2L3", false],
      ["4500 RUE SAINT-DENIS, LOT 7 RR2, MONTREAL, QC H2J 2L3", false],
    ] as const) {
      expect(compareAddresses(form, line(raw, "Montréal")).same_home, raw).toBe(same);
    }
  });

  it("reads a designator word followed by a street type as the street's name (45 FRONT ST, 12 CONDO RD)", () => {
    for (const raw of [
      "45 CONDO RD, SPRINGFIELD, IL 62704",
      "45 FRONT ST, SPRINGFIELD, IL 62704",
      "12 BUREAU ST SPRINGFIELD IL 62704",
    ]) {
      const parsed = line(raw);
      expect(parsed.unit, raw).toBeNull();
      expect(parsed.street_type, raw).toMatch(/^(RD|ST)$/);
    }
    const oak = fields({ line1: "45 Oak Rd", city: "Springfield", state: "IL", postal_code: "62704" });
    expect(compareAddresses(oak, line("45 CONDO RD, SPRINGFIELD, IL 62704")).flags.street_name).toBe("mismatch");
  });

  it("never takes a unit in an unknown spelling on one side only for the same home", () => {
    const form = fields({ line1: "123 Main St", city: "Miami", state: "FL", postal_code: "33101" });
    for (const raw of ["123 MAIN ST, APTO 7, MIAMI, FL 33101", "123 MAIN ST, SP 14, MIAMI, FL 33101"]) {
      expect(compareAddresses(form, line(raw)).same_home, raw).toBe(false);
    }
  });

  it("keeps a standalone unit before a city that opens with a street type (REAR PARK RIDGE)", () => {
    expect(line("123 MAIN ST REAR PARK RIDGE IL 60068")).toMatchObject({ unit: "REAR", street_name: "MAIN" });
  });

  it("keeps the same home when only one side names a floor, a box or a rural route", () => {
    for (const line2 of ["2nd Floor", "2nd", "RR 3"]) {
      const form = fields({
        line1: "123 N Main St",
        line2,
        city: "Springfield",
        state: "IL",
        postal_code: "62704",
      });
      expect(compareAddresses(form, line("123 N MAIN ST, SPRINGFIELD, IL 62704")).same_home, line2).toBe(true);
    }
  });

  it("reads a rural route or highway contract box as the home: the route is the street and the box its number", () => {
    const form = (line1: string) => fields({ line1, city: "Springfield", state: "IL", postal_code: "62704" });
    for (const [typed, raw] of [
      ["RR 2 Box 15", "RR 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["Rural Route 2 Box 15", "RR 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["R.R. 2 Box 15", "RFD 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["HC 72 Box 19", "HIGHWAY CONTRACT 72 BOX 19, SPRINGFIELD, IL 62704"],
      ["Star Route 72 Box 19", "HC 72 BOX 19, SPRINGFIELD, IL 62704"],
    ] as const) {
      expect(line(raw), raw).toMatchObject({ number: raw.includes("BOX 15") ? "15" : "19" });
      expect(compareAddresses(form(typed), line(raw)).same_home, typed).toBe(true);
    }
    // Written other ways: glued, abbreviated, the box first, the box on a line of its own, "Route" with a box.
    for (const [typed, raw] of [
      ["RR 2 Box 15", "RR2 BOX 15, SPRINGFIELD, IL 62704"],
      ["RR 2 Box 15", "RR 2 BX 15, SPRINGFIELD, IL 62704"],
      ["RR 2 Box 15", "BOX 15 RR 2, SPRINGFIELD, IL 62704"],
      ["RR 2 Box 15", "R.R. 2, BOX 15, SPRINGFIELD, IL 62704"],
      ["Rt 2 Box 15", "RR 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["Route 2 Box 15", "RR 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["RR #2 Box 15", "RR 2 BOX 15, SPRINGFIELD, IL 62704"],
      ["RR 2 Box 15", "RR #2 BOX 15, SPRINGFIELD, IL 62704"],
      ["RR 2 Box 15 A", "RR 2 BOX 15A, SPRINGFIELD, IL 62704"],
    ] as const) {
      expect(compareAddresses(form(typed), line(raw)).same_home, `${typed} / ${raw}`).toBe(true);
    }
    expect(compareAddresses(form("RR 2 Box 16"), line("R.R. 2, BOX 15, SPRINGFIELD, IL 62704")).same_home).toBe(false);
    expect(compareAddresses(form("Route 9 Box 15"), line("ROUTE 9, BOX 15, SPRINGFIELD, IL 62704")).same_home).toBe(
      true,
    );
    // The route and the box typed on the form's two lines, in either order.
    for (const [line1, line2] of [
      ["RR 2", "Box 15"],
      ["Box 15", "RR 2"],
    ]) {
      const typed = fields({ line1, line2, city: "Springfield", state: "IL", postal_code: "62704" });
      expect(compareAddresses(typed, line("RR 2 BOX 15, SPRINGFIELD, IL 62704")).same_home, line1).toBe(true);
    }
    // Another box on the route is a neighbour's; another route is elsewhere.
    for (const raw of ["RR 2 BOX 16, SPRINGFIELD, IL 62704", "RR 3 BOX 15, SPRINGFIELD, IL 62704"]) {
      const c = compareAddresses(form("RR 2 Box 15"), line(raw));
      expect(c.same_home, raw).toBe(false);
      expect(c.score, raw).toBeLessThan(90);
    }
    expect(compareAddresses(form("RR 2 Box 15"), line("RR 3 BOX 15, SPRINGFIELD, IL 62704")).flags.street_name).toBe(
      "mismatch",
    );
  });

  it("reads highway-style names abbreviated or written out as one street", () => {
    for (const [typed, raw] of [
      ["123 Highway 61", "123 HWY 61, TUNICA, MS 38676"],
      ["123 State Route 9", "123 SR 9, TUNICA, MS 38676"],
      ["123 Route 9W", "123 RT 9W, TUNICA, MS 38676"],
    ]) {
      const form = fields({ line1: typed, city: "Tunica", state: "MS", postal_code: "38676" });
      expect(compareAddresses(form, line(raw as string)).same_home, typed).toBe(true);
    }
    const form = fields({ line1: "123 Highway 61", city: "Tunica", state: "MS", postal_code: "38676" });
    expect(compareAddresses(form, line("123 HWY 16, TUNICA, MS 38676")).same_home).toBe(false);
  });

  it("reads numbered streets with other numbers as other streets", () => {
    const form = fields({ line1: "12 W 5th St", city: "New York", state: "NY", postal_code: "10011" });
    for (const raw of [
      "12 W 6TH ST, NEW YORK, NY 10011",
      "12 W 15TH ST, NEW YORK, NY 10011",
      "12 WEST SIXTH STREET, NEW YORK, NY 10011",
    ]) {
      const c = compareAddresses(form, line(raw));
      expect(c.flags.street_name, raw).toBe("mismatch");
      expect(c.same_home, raw).toBe(false);
    }
    expect(compareAddresses(form, line("12 WEST FIFTH STREET, NEW YORK, NY 10011")).same_home).toBe(true);
    // A unit left inside the street name on one side is not another number for the street.
    const unitInName = fields({
      line1: "12 5th Ave 4B",
      city: "New York",
      state: "NY",
      postal_code: "10011",
    });
    expect(compareAddresses(unitInName, line("12 5TH AVE APT 4B, NEW YORK, NY 10011")).score).toBeGreaterThanOrEqual(
      90,
    );
    // The same unit left in both names does not hide another street.
    const fifth4B = compareAddresses(unitInName, line("12 6TH AVE 4B, NEW YORK, NY 10011"));
    expect(fifth4B.flags.street_name).toBe("mismatch");
    const i95 = fields({ line1: "100 I-95", city: "New York", state: "NY", postal_code: "10011" });
    expect(compareAddresses(i95, line("100 I-90, NEW YORK, NY 10011")).flags.street_name).toBe("mismatch");
  });

  it("reads a second form line holding only a unit id as the unit", () => {
    for (const [line2, unit] of [
      ["4", "4"],
      ["4B", "4B"],
      ["A101", "A101"],
      ["B-12", "B12"],
      ["4 B", "4B"],
    ] as const) {
      expect(parseAddressFields({ line1: "12 Main St", line2, city: "Albany", state: "NY" })?.unit, line2).toBe(unit);
    }
    expect(
      parseAddressFields({ line1: "12 Main St", line2: "c/o Smith", city: "Albany", state: "NY" })?.unit,
    ).toBeNull();
  });

  it("reads Australian state codes written with periods as a part of their own", () => {
    expect(line("1 MAIN ST, ADELAIDE, S.A. 5000")).toMatchObject({ city: "ADELAIDE", state: "SA", country: "AU" });
    expect(line("12 HAY ST, PERTH, W.A. 6000")).toMatchObject({ city: "PERTH", state: "WA" });
    expect(line("5 MITCHELL ST, DARWIN, N.T. 0800")).toMatchObject({ city: "DARWIN", state: "NT" });
  });

  it("reads a unit written with a hyphen (4-B) as the same unit as 4B", () => {
    const form = fields({
      line1: "5 High St",
      line2: "Apt 4B",
      city: "Albany",
      state: "NY",
      postal_code: "12207",
    });
    const bank = compareAddresses(form, line("5 HIGH ST UNIT 4-B, ALBANY, NY 12207"));
    expect(bank.flags.unit).toBe("match");
    expect(bank.same_home).toBe(true);
  });

  it("reads the other side of town as another street", () => {
    const west = fields({ line1: "12 King St W", city: "Springfield", state: "IL", postal_code: "62704" });
    const east = compareAddresses(west, line("12 KING ST E, SPRINGFIELD, IL 62704"));
    expect(east.score).toBeLessThan(100);
    expect(east.same_home).toBe(false);
    expect(compareAddresses(west, line("12 KING ST W, SPRINGFIELD, IL 62704")).score).toBe(100);
  });
});

describe("parseAddressLine with empty comma segments", () => {
  it("skips a leading comma and empty parts instead of failing", () => {
    expect(parseAddressLine(", 12 Main St")).toMatchObject({ number: "12", street_name: "MAIN", street_type: "ST" });
    expect(parseAddressLine("12 Main St, , Springfield, IL 62704")).toMatchObject({ city: "SPRINGFIELD", state: "IL" });
    expect(parseAddressLine("12 Main St,,Springfield")?.city).toBe("SPRINGFIELD");
  });
});

describe("addresses outside the US", () => {
  it("reads a unit written on its own line before the street", () => {
    expect(line("Unit 4, 23 Smith St, Fitzroy VIC 3065, Australia")).toMatchObject({
      unit_type: "UNIT",
      unit: "4",
      number: "23",
      street_name: "SMITH",
      street_type: "ST",
      city: "FITZROY",
      state: "VIC",
      postal_code: "3065",
      country: "AU",
    });
    expect(line("Flat 2, 10 Downing Street, London SW1A 2AA")).toMatchObject({
      unit_type: "FLAT",
      unit: "2",
      number: "10",
      street_name: "DOWNING",
    });
  });

  it("reads a unit typed on its own line or set off by the only comma, before the street", () => {
    const typed = fields({
      line1: "Unit 4",
      line2: "23 Smith Street",
      city: "Fitzroy",
      state: "VIC",
      postal_code: "3065",
      country: "AU",
    });
    expect(typed).toMatchObject({ unit: "4", number: "23", street_name: "SMITH", street_type: "ST" });
    for (const bank of ["4/23 SMITH ST, FITZROY VIC 3065", "UNIT 4, 23 SMITH ST FITZROY VIC 3065"]) {
      const r = compareAddresses(typed, line(bank, "Fitzroy"));
      expect(r.score, bank).toBe(100);
    }
  });

  it("reads UK postcodes with or without the space and compares them whole", () => {
    expect(line("10 Downing Street, London SW1A 2AA, United Kingdom")).toMatchObject({
      city: "LONDON",
      postal_code: "SW1A2AA",
      country: "GB",
    });
    expect(line("221B Baker St, London, NW16XE")).toMatchObject({ postal_code: "NW16XE", country: "GB" });
    const typed = fields({ line1: "10 Downing Street", city: "London", postal_code: "sw1a 2aa" });
    expect(compareAddresses(typed, line("10 DOWNING ST, LONDON SW1A 2AA")).flags.postal_code).toBe("match");
    // Same first five characters, another unit of the postcode.
    expect(compareAddresses(typed, line("10 DOWNING ST, LONDON SW1A 2AB")).flags.postal_code).not.toBe("match");
  });

  it("matches a Canadian postal code typed in lower case", () => {
    const typed = fields({ line1: "24 Sussex Drive", city: "Ottawa", state: "ON", postal_code: "k1a 0a3" });
    const r = compareAddresses(typed, line("24 SUSSEX DR, OTTAWA, ON K1A 0A3"));
    expect(r.flags.postal_code).toBe("match");
    expect(r.score).toBe(100);
  });
});
