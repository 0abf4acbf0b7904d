/**
 * Opaque list cursors: base64url JSON of the sort they belong to and the keyset position (sort key + id).
 * A keyset (not an offset) keeps pages stable while new verifications arrive. The cursor is not signed: it only
 * says where to resume the caller's own query, so a forged one reveals nothing the filters would not.
 */
import { invalidRequest } from "../lib/errors";

export interface Cursor {
  /** What the cursor belongs to (a sort name, or "audit"). */
  sort: string;
  key: number;
  id: string;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
};

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id }));
}

/** The cursor's position; a 400 when it is malformed or was made for another sort order. */
export function decodeCursor(text: string, sort: string, param = "cursor"): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(text));
  } catch {
    throw invalidRequest("cursor_invalid", "The cursor is malformed; pass next_cursor from a previous page.", param);
  }
  const p = parsed as { s?: unknown; k?: unknown; i?: unknown } | null;
  if (!p || typeof p.s !== "string" || typeof p.k !== "number" || !Number.isFinite(p.k) || typeof p.i !== "string") {
    throw invalidRequest("cursor_invalid", "The cursor is malformed; pass next_cursor from a previous page.", param);
  }
  if (p.s !== sort) {
    throw invalidRequest("cursor_invalid", `This cursor belongs to sort '${p.s}', not '${sort}'.`, param);
  }
  return { sort: p.s, key: p.k, id: p.i };
}
