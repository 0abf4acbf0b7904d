/**
 * API keys from the command line, against the local D1 (default) or the deployed one (--remote):
 *
 *   npm run keys -- create --role reviewer --label "Dana (risk team)" [--remote] [--persist-to DIR]
 *   npm run keys -- list [--remote]
 *   npm run keys -- revoke key_… [--remote]
 *
 * The secret is printed once and only its SHA-256 is stored: the row is built by apiKeyRow(), the same function the
 * worker uses, and written with `wrangler d1 execute`. Every change also appends an audit row (actor "cli").
 */
import { parseArgs } from "node:util";
import { apiKeyRow, generateKeySecret } from "../worker/auth/api-keys";
import type { Role } from "../worker/env";
import { newId } from "../worker/lib/ids";
// @ts-expect-error plain ESM script without type declarations; its contract is documented in the file.
import { executeSql, sqlString } from "./local-env.mjs";

const ROLES: readonly Role[] = ["server", "reviewer", "admin"];
const ACTOR = "cli";

const USAGE = `Usage:
  npm run keys -- create --role <server|reviewer|admin> --label "<label>" [--remote] [--persist-to DIR]
  npm run keys -- list [--remote] [--persist-to DIR]
  npm run keys -- revoke <key_id> [--remote] [--persist-to DIR]`;

interface Where {
  remote: boolean;
  persistTo?: string | undefined;
}

/** Runs SQL through wrangler and returns the rows of each statement. */
function execute(sql: string, where: Where): { results: Record<string, unknown>[]; meta?: { changes?: number } }[] {
  return executeSql(sql, { ...where, json: true });
}

const auditSql = (action: string, after: Record<string, unknown>, now: number) =>
  `INSERT INTO audit_events (id, actor, action, after, created_at) VALUES (${sqlString(newId("aud"))}, ${sqlString(ACTOR)}, ${sqlString(action)}, ${sqlString(JSON.stringify(after))}, ${now})`;

/** The statements that store a key (hash only) and audit it. */
export async function createKeySql(role: Role, label: string, now = Date.now()) {
  const secret = generateKeySecret(role);
  const row = await apiKeyRow(secret, role, label);
  const sql = [
    `INSERT INTO api_keys (id, role, label, hash, prefix, created_at) VALUES (${sqlString(row.id)}, ${sqlString(row.role)}, ${sqlString(row.label)}, ${sqlString(row.hash)}, ${sqlString(row.prefix)}, ${now})`,
    auditSql("api_key.created", { key_id: row.id, role }, now),
  ].join(";\n");
  return { secret, row, sql };
}

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      label: { type: "string" },
      remote: { type: "boolean", default: false },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) fail("");
  const where: Where = { remote: values.remote ?? false, persistTo: values["persist-to"] };
  const target = where.remote ? "remote D1" : `local D1${where.persistTo ? ` (${where.persistTo})` : ""}`;

  if (command === "create") {
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) fail(`--role must be one of: ${ROLES.join(", ")}`);
    const label = values.label?.trim();
    if (!label) fail("--label is required (who or what the key is for)");
    if (label.length > 200) fail("--label must be at most 200 characters");
    const { secret, row, sql } = await createKeySql(role, label);
    execute(sql, where);
    console.log(`Created ${role} key ${row.id} (${label}) in the ${target}.`);
    console.log("Secret (shown once; store it now, only its SHA-256 is kept):");
    console.log(secret);
    return;
  }
  if (command === "list") {
    const [statement] = execute(
      "SELECT id, role, label, prefix, created_at, revoked_at FROM api_keys ORDER BY created_at DESC, id DESC",
      where,
    );
    const rows = statement?.results ?? [];
    if (rows.length === 0) return console.log(`No keys in the ${target}.`);
    console.table(
      rows.map((r) => ({
        id: r.id,
        role: r.role,
        label: r.label,
        prefix: `${r.prefix}…`,
        created: new Date(Number(r.created_at)).toISOString(),
        revoked: r.revoked_at ? new Date(Number(r.revoked_at)).toISOString() : "",
      })),
    );
    return;
  }
  if (command === "revoke") {
    const id = rest[0];
    if (!id || !/^key_[0-9A-Za-z_]+$/.test(id)) fail("revoke needs a key id (key_…); see `npm run keys -- list`");
    const now = Date.now();
    const results = execute(
      [
        `UPDATE api_keys SET revoked_at = ${now} WHERE id = ${sqlString(id)} AND revoked_at IS NULL`,
        // Audited only if that UPDATE revoked it (a batch of one command runs in order on one connection).
        `INSERT INTO audit_events (id, actor, action, before, after, created_at) SELECT ${sqlString(newId("aud"))}, ${sqlString(ACTOR)}, 'api_key.revoked', ${sqlString(JSON.stringify({ key_id: id, revoked: false }))}, ${sqlString(JSON.stringify({ key_id: id, revoked: true }))}, ${now} WHERE EXISTS (SELECT 1 FROM api_keys WHERE id = ${sqlString(id)} AND revoked_at = ${now})`,
        `SELECT id, revoked_at FROM api_keys WHERE id = ${sqlString(id)}`,
      ].join(";\n"),
      where,
    );
    const row = results.at(-1)?.results[0];
    if (!row) {
      console.error(`No key ${id} in the ${target}.`);
      process.exit(1);
    }
    const when = new Date(Number(row.revoked_at)).toISOString();
    console.log(
      Number(row.revoked_at) === now ? `Revoked ${id} in the ${target}.` : `${id} was already revoked (${when}).`,
    );
    return;
  }
  fail(`Unknown command: ${command}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("keys.ts")) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
