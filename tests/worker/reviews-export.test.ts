import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../worker/db/client";
import { CSV_COLUMNS, csvCell, csvLine, reviewsCsvStream } from "../../worker/reviews/csv";
import { apiKey, call, db } from "./helpers";
import { seedMany, seedVerification, uniqueInstitution } from "./reviews-fixtures";

let reviewer: string;
beforeAll(async () => {
  reviewer = await apiKey("reviewer");
});

/** A small RFC 4180 parser: enough to prove the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const exportCsv = (query: Record<string, string>) =>
  call("GET", `/v1/reviews/export.csv?${new URLSearchParams(query)}`, { token: reviewer });

describe("CSV cells", () => {
  it("neutralises formula cells with a leading quote and quotes what needs quoting", () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("Smith, Robert")).toBe('"Smith, Robert"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
    expect(csvLine(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });
});

describe("GET /v1/reviews/export.csv", () => {
  it("streams the filtered queue as CSV with a header row and the row cap in a header", async () => {
    const institution = uniqueInstitution("=Evil Bank");
    await seedVerification({ institution, name: "=cmd|' /C calc'!A0", email: "+x@example.com", score: 55 });
    await seedVerification({ institution, name: 'Smith, "Bobby"\nJr', email: "@bob@example.com", score: 66 });
    await seedVerification({ institution, name: "Ann Lee", reviewStatus: "approved" });
    const res = await exportCsv({ institution, review_status: "open", sort: "score" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="ownercheck-reviews-.*\.csv"$/);
    expect(res.headers.get("X-Ownercheck-Row-Cap")).toBe("10000");
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const [first, second] = [rows[1] as string[], rows[2] as string[]];
    expect(first[col("applicant_name")]).toBe("'=cmd|' /C calc'!A0");
    expect(first[col("applicant_email")]).toBe("'+x@example.com");
    expect(first[col("institution")]).toBe(`'${institution}`);
    expect(first[col("score")]).toBe("55");
    expect(first[col("name_score")]).toBe("70");
    expect(first[col("review_status")]).toBe("open");
    expect(first[col("flags")]).toBe("name.nickname address.unit:mismatch");
    expect(second[col("applicant_name")]).toBe('Smith, "Bobby"\nJr');
    expect(second[col("applicant_email")]).toBe("'@bob@example.com");
    // No cell a spreadsheet would evaluate.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("pages through D1 and ends with a trailer line when the cap is hit", async () => {
    const { institution, ids } = await seedMany(7);
    const stream = reviewsCsvStream(db(), { filters: { institution }, sort: "created" }, 5);
    const rows = parseCsv(await new Response(stream).text());
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows.slice(1, 6).map((r) => r[0])).toEqual(ids.slice(0, 5));
    expect(rows[6]?.[0]).toMatch(/^# truncated at 5 rows/);
    const all = parseCsv(
      await new Response(reviewsCsvStream(db(), { filters: { institution }, sort: "created" }, 7)).text(),
    );
    expect(all).toHaveLength(8);
  });

  it("takes the list's filters and refuses malformed ones", async () => {
    const institution = uniqueInstitution();
    await seedVerification({ institution, name: "Ines Duarte" });
    await seedVerification({ institution, name: "Kofi Mensah" });
    const res = await exportCsv({ institution, q: "ines duart" });
    expect(parseCsv(res.body).map((r) => r[CSV_COLUMNS.indexOf("applicant_name")])).toEqual([
      "applicant_name",
      "Ines Duarte",
    ]);
    expect((await exportCsv({ score_gte: "high" })).status).toBe(400);
    expect((await exportCsv({ limit: "5" })).status).toBe(400);
  });

  it("exports every row a search matches, even more than D1 binds in one statement", async () => {
    const { institution, ids } = await seedMany(130, { name: "Marisol Quintero" });
    const res = await exportCsv({ institution, q: "marisol quintero", sort: "created" });
    expect(res.status).toBe(200);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  });

  it("ends with an interrupted line, not a silent cut, when a read fails after the header row", async () => {
    const failing = {
      select() {
        throw new Error("D1 is unavailable");
      },
    } as unknown as Database;
    const text = await new Response(reviewsCsvStream(failing, { filters: {}, sort: "created" })).text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.at(-1)).toEqual(["# error: export interrupted"]);
    expect(rows).toHaveLength(2);
  });
});
