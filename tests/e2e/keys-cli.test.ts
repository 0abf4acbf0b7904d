/** `npm run keys`: the real CLI against a throwaway local D1 (through wrangler, as an operator would run it). */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations; its contract is documented in the file.
import { applyLocalMigrations, executeSql, ROOT } from "../../scripts/local-env.mjs";

let persistTo: string;
const TSX = path.join(ROOT as string, "node_modules/.bin/tsx");

function keys(...args: string[]) {
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
  return spawnSync(TSX, ["scripts/keys.ts", ...args, "--persist-to", persistTo], { cwd: ROOT, encoding: "utf8", env });
}

const rows = (sql: string) =>
  (executeSql(sql, { persistTo, json: true }) as { results: Record<string, unknown>[] }[])[0]?.results ?? [];

beforeAll(() => {
  persistTo = mkdtempSync(path.join(os.tmpdir(), "ownercheck-keys-"));
  applyLocalMigrations(persistTo);
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

describe("npm run keys", () => {
  it("creates a key, prints the secret once and stores only its SHA-256, then lists and revokes it", () => {
    const created = keys("create", "--role", "reviewer", "--label", "Dana's key");
    expect(created.status).toBe(0);
    const secret = /oc_rk_[0-9A-Za-z]{40}/.exec(created.stdout)?.[0] as string;
    const id = /key_[0-9A-Za-z]+/.exec(created.stdout)?.[0] as string;
    expect(secret).toBeDefined();
    const [stored] = rows(`SELECT role, label, hash, revoked_at FROM api_keys WHERE id = '${id}'`);
    expect(stored).toEqual({
      role: "reviewer",
      label: "Dana's key",
      hash: createHash("sha256").update(secret).digest("hex"),
      revoked_at: null,
    });
    expect(JSON.stringify(rows("SELECT * FROM api_keys"))).not.toContain(secret);

    const listed = keys("list");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain(secret);

    const revoked = keys("revoke", id);
    expect(revoked.status).toBe(0);
    expect(rows(`SELECT revoked_at FROM api_keys WHERE id = '${id}'`)[0]?.revoked_at).toEqual(expect.any(Number));
    const audits = rows("SELECT action, actor FROM audit_events ORDER BY created_at");
    expect(audits).toEqual([
      { action: "api_key.created", actor: "cli" },
      { action: "api_key.revoked", actor: "cli" },
    ]);
  });

  it("refuses an unknown role with a usage message and stores nothing", () => {
    const before = rows("SELECT count(*) AS n FROM api_keys")[0]?.n;
    const res = keys("create", "--role", "boss", "--label", "x");
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain("--role must be one of: server, reviewer, admin");
    expect(rows("SELECT count(*) AS n FROM api_keys")[0]?.n).toBe(before);
  });
});
