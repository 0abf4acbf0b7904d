/**
 * Writes that happen only if an earlier statement of the same D1 batch took effect. D1 has no interactive
 * transactions, but a batch is atomic and runs in order, so "insert this audit row only if my update won"
 * becomes `INSERT … SELECT … WHERE EXISTS (<proof the update won>)` inside the same batch.
 */
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { newId } from "../lib/ids";
import { auditPayload } from "./audit";
import type { Database } from "./client";
import { auditEvents } from "./schema";

export interface AuditEntry {
  actor: string;
  action: string;
  verificationId?: string | null;
  applicantId?: string | null;
  before?: unknown;
  after?: unknown;
  createdAt: number;
}

/** before/after pass the audit allow-list (no PII can reach an audit row by mistake). */
const json = (value: unknown) => {
  const allowed = auditPayload(value);
  return allowed === null ? null : JSON.stringify(allowed);
};

/** An audit row inserted only when `condition` (an SQL boolean, e.g. `EXISTS (…)`) holds at that point of the batch. */
export function insertAuditWhen(db: Database, entry: AuditEntry, condition: SQL) {
  // Columns in auditEvents' declared order: drizzle's insert-select lists every column of the table.
  return db
    .insert(auditEvents)
    .select(sql`SELECT ${newId("aud")}, ${entry.actor}, ${entry.action}, ${entry.verificationId ?? null}, ${entry.applicantId ?? null},
      ${json(entry.before)}, ${json(entry.after)}, ${entry.createdAt}
    WHERE ${condition}`);
}

/** db.batch() over a list built at run time (drizzle's signature wants a non-empty tuple); empty lists do nothing. */
export async function runBatch(db: Database, statements: BatchItem<"sqlite">[]) {
  if (statements.length === 0) return [];
  return db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
