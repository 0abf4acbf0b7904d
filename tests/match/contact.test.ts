import { describe, expect, it } from "vitest";
import { canonicalEmail, compareEmails, comparePhones, toE164 } from "../../worker/match/contact";

describe("email", () => {
  it("ignores case and surrounding spaces", () => {
    expect(canonicalEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
  });

  it("strips +tags", () => {
    expect(canonicalEmail("kylehughes+bank@hotmail.com")).toBe("kylehughes@hotmail.com");
  });

  it("ignores dots in Gmail addresses and reads googlemail.com as gmail.com", () => {
    expect(canonicalEmail("rob.smith@googlemail.com")).toBe(canonicalEmail("robsmith@gmail.com"));
  });

  it("keeps dots for providers that deliver them", () => {
    expect(canonicalEmail("rob.smith@outlook.com")).not.toBe(canonicalEmail("robsmith@outlook.com"));
  });

  it("ignores zero-width and bidi characters pasted into an address", () => {
    expect(canonicalEmail("jane.doe@example.com\u200b")).toBe("jane.doe@example.com");
    expect(canonicalEmail("\u200ejane.doe@exa\u200dmple.com")).toBe("jane.doe@example.com");
  });

  it("rejects text that is not an address", () => {
    expect(canonicalEmail("not an email")).toBeNull();
    expect(canonicalEmail("@example.com")).toBeNull();
  });

  it("scores the same mailbox 100 and another mailbox 0", () => {
    expect(compareEmails("a@b.com", "a@b.com").score).toBe(100);
    expect(compareEmails("anna@b.com", "zoe@b.com").score).toBe(0);
  });
});

describe("phone", () => {
  it.each(["(217) 555-0123", "217.555.0123", "217-555-0123", "+1 217 555 0123", "1-217-555-0123", "+12175550123"])(
    "reads %s as +12175550123",
    (raw) => {
      expect(toE164(raw)).toBe("+12175550123");
    },
  );

  it("drops extensions", () => {
    expect(toE164("217-555-0123 ext. 45")).toBe("+12175550123");
    expect(toE164("(217) 555-0123 x45")).toBe("+12175550123");
  });

  it("reads national numbers with the applicant's country", () => {
    expect(toE164("0412 345 678", "AU")).toBe("+61412345678");
    expect(toE164("+61 412 345 678", "US")).toBe("+61412345678");
  });

  it("reads tel: links as written, whatever the default country", () => {
    expect(toE164("tel:+12175550123", "GB")).toBe("+12175550123");
    expect(toE164("TEL: +44 20 7946 0000", "US")).toBe("+442079460000");
    expect(toE164("tel:020 7946 0000", "GB")).toBe("+442079460000");
  });

  it('drops the trunk "(0)" written inside an international number', () => {
    expect(toE164("+44 (0)20 7946 0000", "US")).toBe("+442079460000");
    expect(toE164("+61 (0) 412 345 678", "US")).toBe("+61412345678");
    expect(toE164("0044 (0)20 7946 0000", "GB")).toBe("+442079460000");
    expect(toE164("+44-(0)20-7946-0000", "US")).toBe("+442079460000");
    expect(toE164("+44.(0)20.7946.0000", "US")).toBe("+442079460000");
    // Only right after the country code; Italian numbers keep their 0 from abroad.
    expect(toE164("+1 (217) 555 (0)123")).toBe("+12175550123");
    expect(toE164("+39 (0)6 1234 5678", "US")).toBe("+390612345678");
  });

  it("ignores zero-width characters between digits", () => {
    expect(toE164("217\u200b555\u200b0123")).toBe("+12175550123");
  });

  it("rejects text with too few digits", () => {
    expect(toE164("call me")).toBeNull();
  });

  it("scores equal numbers 100", () => {
    expect(comparePhones("+12175550123", "+12175550123").score).toBe(100);
    expect(comparePhones("+12175550123", "+12175550199").score).toBe(0);
  });
});
