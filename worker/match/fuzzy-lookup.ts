/**
 * Finding the table entry a misspelled word was meant to be: "ATREET" → STREET, "Roberr" → robert,
 * "MASSACHUSETS" → MASSACHUSETTS.
 *
 * Two tools, chosen by measurement on the dev benchmark (Node 22, one core):
 * - SpellingIndex, a symmetric-deletion index (every entry stored under itself and its one-letter deletions), answers
 *   "which entry is one edit away?" with a dozen Map lookups, about a microsecond. It serves the hot path, where
 *   every unknown word is looked up: street types, and each known given name's nickname relatives ("Bobbby" is one
 *   edit from Bobby, a nickname of Robert). The first version ran fuse.js over the 1,800-name nickname table there:
 *   about 2 ms a search, most of the run time. One keying error is one edit, so nothing is lost.
 * - FuzzyTable wraps fuse.js for the long state and province names (about 90 entries, ~0.2 ms a search, memoized).
 *   There misspellings run past one edit ("MASSACHUSSETS", "PENSILVANIA"), the list is short, and the lookup only
 *   happens when a one-line address ends in an unknown word: approximate search over a short list of strings is
 *   what Fuse's Bitap matcher is for.
 */
import Fuse from "fuse.js";
import { damerauLevenshtein } from "./similarity";

const MEMO_LIMIT = 4096;

/** One-edit lookups (insertion, deletion, substitution, adjacent transposition) in a fixed word list. */
export class SpellingIndex {
  private readonly keys = new Map<string, string[]>();
  private minLength = Number.POSITIVE_INFINITY;
  private maxLength = 0;
  // First and last letters of the entries, each with the word lengths one edit away. Between words of three letters
  // or more, one edit leaves the first or the last letter in place, so a word that shares neither end with an entry
  // of a length it could be one edit from needs no deletion keys at all.
  private readonly ends = new Set<number>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      this.add(word, word);
      for (let i = 0; i < word.length; i++) this.add(word.slice(0, i) + word.slice(i + 1), word);
      this.minLength = Math.min(this.minLength, word.length);
      this.maxLength = Math.max(this.maxLength, word.length);
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        this.ends.add(endKey(word.charCodeAt(0), length, false));
        this.ends.add(endKey(word.charCodeAt(word.length - 1), length, true));
      }
    }
  }

  private add(key: string, word: string): void {
    const list = this.keys.get(key);
    if (!list) this.keys.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }

  /** The first table word within one edit of `word` (the word itself when present), or null. */
  find(word: string): string | null {
    if (word.length < this.minLength - 1 || word.length > this.maxLength + 1) return null;
    if (
      word.length >= 3 &&
      this.minLength >= 3 &&
      !this.ends.has(endKey(word.charCodeAt(0), word.length, false)) &&
      !this.ends.has(endKey(word.charCodeAt(word.length - 1), word.length, true))
    ) {
      return null;
    }
    const exact = this.keys.get(word);
    if (exact?.includes(word)) return word;
    let found = this.pick(word, exact);
    for (let i = 0; i < word.length && found === null; i++) {
      found = this.pick(word, this.keys.get(word.slice(0, i) + word.slice(i + 1)));
    }
    return found;
  }

  private pick(word: string, candidates: string[] | undefined): string | null {
    if (!candidates) return null;
    for (const c of candidates) if (damerauLevenshtein(word, c) <= 1) return c;
    return null;
  }
}

function endKey(code: number, length: number, last: boolean): number {
  return (code * 256 + Math.min(length, 255)) * 2 + (last ? 1 : 0);
}

/** A memoized fuse.js finder over a short list of long words. */
export class FuzzyTable {
  private fuse: Fuse<string> | null = null;
  private readonly memo = new Map<string, string | null>();

  constructor(
    private readonly words: readonly string[],
    private readonly threshold = 0.3,
  ) {}

  /** The table word closest to `word`, or null when nothing is close enough. */
  find(word: string): string | null {
    const hit = this.memo.get(word);
    if (hit !== undefined) return hit;
    // Built on first use, so a run that never meets a misspelled state never pays for it.
    this.fuse ??= new Fuse(this.words as string[], {
      includeScore: true,
      threshold: this.threshold,
      ignoreLocation: true,
      isCaseSensitive: true,
      minMatchCharLength: 2,
    });
    // Bitap scores a word found inside a longer entry as a perfect hit ("NEW" in "NEW YORK"), so each candidate is
    // confirmed with an edit distance that scales with the word's length.
    const allowed = Math.max(1, Math.floor(word.length / 4));
    let found: string | null = null;
    for (const result of this.fuse.search(word, { limit: 5 })) {
      if (damerauLevenshtein(word, result.item) <= allowed) {
        found = result.item;
        break;
      }
    }
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }
}
