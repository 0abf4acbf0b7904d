/**
 * String metrics for short words: Jaro-Winkler (transpositions and shared prefixes, the record-linkage standard
 * for names), Damerau-Levenshtein (counted typos), and a phonetic key (sound-alike spellings and OCR/phonetic errors:
 * Catherine/Kathryn, Philips/Filips). Buffers are reused across calls because these run tens of times per owner.
 */

let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

// No name or address word is longer; past this both metrics compare the first MAX_COMPARE characters, so a
// pathological input (a 50 000-letter "word") costs microseconds, not a minute.
const MAX_COMPARE = 64;

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length > MAX_COMPARE) a = a.slice(0, MAX_COMPARE);
  if (b.length > MAX_COMPARE) b = b.slice(0, MAX_COMPARE);
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la <= 32 && lb <= 32) return jaroWinklerShort(a, b, la, lb);
  if (la > matchedA.length) matchedA = new Uint8Array(la * 2);
  if (lb > matchedB.length) matchedB = new Uint8Array(lb * 2);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = Math.max(0, i - window);
    const end = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = start; j <= end; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ca) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Where each character stands in the second word of jaroWinklerShort, as a bit mask per UTF-16 code unit; cleared
// after each call.
const positionsB = new Int32Array(65536);

/** Position of the lowest set bit of a non-zero 32-bit mask. */
const lowestBit = (mask: number): number => 31 - Math.clz32(mask & -mask);

/**
 * jaroWinkler for words of up to 32 letters (nearly every call): the matched flags live in two 32-bit masks
 * instead of buffers that need clearing, and each letter finds its partner in one step, as the lowest unmatched
 * position of that letter inside its window (the same partner the scan of the window finds first). Same steps and
 * arithmetic, so the same result to the last bit.
 */
function jaroWinklerShort(a: string, b: string, la: number, lb: number): number {
  for (let j = 0; j < lb; j++) {
    const c = b.charCodeAt(j);
    positionsB[c] = (positionsB[c] as number) | (1 << j);
  }
  let maskA = 0;
  let maskB = 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = i > window ? i - window : 0;
    const end = i + window < lb - 1 ? i + window : lb - 1;
    if (start > end) break;
    // Bits start..end: the window of positions in `b` that may match position i.
    const inWindow = (-1 >>> (31 - (end - start))) << start;
    const free = (positionsB[a.charCodeAt(i)] as number) & ~maskB & inWindow;
    if (free !== 0) {
      maskA |= 1 << i;
      maskB |= free & -free;
      matches++;
    }
  }
  for (let j = 0; j < lb; j++) positionsB[b.charCodeAt(j)] = 0;
  if (matches === 0) return 0;
  let transpositions = 0;
  // The matched letters of both words in order, pair by pair: the lowest bit still set in each mask.
  for (let restA = maskA, restB = maskB; restA !== 0; restA &= restA - 1, restB &= restB - 1) {
    if (a.charCodeAt(lowestBit(restA)) !== b.charCodeAt(lowestBit(restB))) transpositions++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const bag = new Int32Array(256);

/**
 * A cheap lower bound on the edit distance: letters one side has and the other lacks (counted as a multiset).
 * Lets callers skip the full distance when it cannot be small.
 */
export function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 255;
    bag[k] = (bag[k] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 255;
    bag[k] = (bag[k] as number) - 1;
  }
  let surplus = 0;
  let deficit = 0;
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 255;
    const v = bag[k] as number;
    if (v > 0) surplus += v;
    else if (v < 0) deficit -= v;
    bag[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 255;
    const v = bag[k] as number;
    if (v > 0) surplus += v;
    else if (v < 0) deficit -= v;
    bag[k] = 0;
  }
  return Math.max(surplus, deficit);
}

let matrix = new Int32Array(16 * 16);
// Last row (1-based) in which each character of `a` was seen; indexed by UTF-16 code unit, reset after each call.
const lastRow = new Int32Array(65536);

/**
 * Damerau-Levenshtein distance (insertions, deletions, substitutions and transpositions of adjacent characters, each
 * counting one, with no restriction on editing a substring twice). Keying errors come in combinations: "Chelsea"
 * keyed as "Cheela" is one dropped letter plus one swapped pair, two errors, where the restricted (optimal string
 * alignment) distance counts three because the swapped pair only became adjacent after the deletion.
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > MAX_COMPARE) a = a.slice(0, MAX_COMPARE);
  if (b.length > MAX_COMPARE) b = b.slice(0, MAX_COMPARE);
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const width = lb + 2;
  if ((la + 2) * width > matrix.length) matrix = new Int32Array((la + 2) * width * 2);
  const d = matrix;
  const max = la + lb;
  d[0] = max;
  for (let i = 0; i <= la; i++) {
    d[(i + 1) * width] = max;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= lb; j++) {
    d[j + 1] = max;
    d[width + j + 1] = j;
  }
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    let lastCol = 0;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const k = lastRow[cb] as number;
      const l = lastCol;
      let cost = 1;
      if (ca === cb) {
        cost = 0;
        lastCol = j;
      }
      d[(i + 1) * width + j + 1] = Math.min(
        (d[i * width + j] as number) + cost,
        (d[(i + 1) * width + j] as number) + 1,
        (d[i * width + j + 1] as number) + 1,
        (d[k * width + l] as number) + (i - k - 1) + 1 + (j - l - 1),
      );
    }
    lastRow[ca] = i;
  }
  for (let i = 0; i < la; i++) lastRow[a.charCodeAt(i)] = 0;
  return d[(la + 1) * width + lb + 1] as number;
}

/**
 * Whether two words are at most one edit apart (insertion, deletion, substitution or adjacent transposition): the
 * same test as damerauLevenshtein(a, b) <= 1 for words of up to MAX_COMPARE characters, in one pass over the
 * characters. Searching a known name's relatives (a handful of names) this way is cheaper than a symmetric-deletion
 * index, which builds a string per lookup.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i >= la - 1) return true;
    // Substitution at i: the rest equal.
    let j = i + 1;
    while (j < la && a.charCodeAt(j) === b.charCodeAt(j)) j++;
    if (j === la) return true;
    // Transposition of i and i + 1: the rest equal.
    if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
    for (j = i + 2; j < la; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
    return true;
  }
  if (la === lb + 1) return oneInsertion(b, a);
  if (lb === la + 1) return oneInsertion(a, b);
  return false;
}

/** Whether `long` is `short` with one character inserted (long.length === short.length + 1). */
function oneInsertion(short: string, long: string): boolean {
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  for (let j = i; j < short.length; j++) if (short.charCodeAt(j) !== long.charCodeAt(j + 1)) return false;
  return true;
}

/**
 * damerauLevenshtein(a, b) === 1 without the matrix: postal codes and house numbers that differ are told apart from
 * one keyed digit off in one pass. Past MAX_COMPARE characters the distance compares prefixes, so such text takes it.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length > MAX_COMPARE || b.length > MAX_COMPARE) return damerauLevenshtein(a, b) === 1;
  return withinOneEdit(a, b);
}

/**
 * A phonetic key in the spirit of Metaphone, reduced to what separates English and European names: silent and
 * doubled letters go, sound-alike consonant groups (C/K/Q, PH/F, Z/S, DG/J, V/F…) merge, vowels after the first
 * letter are dropped. Two spellings with the same key sound alike. One pass over the letters, no regular expressions
 * (it runs for most pairs of unequal words).
 */
export function phoneticKey(word: string): string {
  let s = "";
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) s += word[i];
  }
  if (s.length === 0) return "";
  // Silent or merged openings: KNight, GNome, PNeumonia, WRight, PSalm; X→S; WHite; CHris/CHloe.
  let start = 0;
  const c0 = s[0];
  const c1 = s[1];
  let out = "";
  if (
    (c1 === "n" && (c0 === "k" || c0 === "g" || c0 === "p")) ||
    (c0 === "w" && c1 === "r") ||
    (c0 === "p" && c1 === "s")
  ) {
    start = 1;
  } else if (c0 === "x") {
    out = "s";
    start = 1;
  } else if (c0 === "w" && c1 === "h") {
    out = "w";
    start = 2;
  } else if (c0 === "c" && c1 === "h" && s.length > 2 && !VOWELS.has(s[2] as string)) {
    out = "k";
    start = 2;
  }
  let end = s.length;
  if (end >= 2 && s[end - 1] === "b" && s[end - 2] === "m") end--;
  for (let i = start; i < end; i++) {
    const c = s[i] as string;
    const n1 = i + 1 < end ? (s[i + 1] as string) : "";
    const n2 = i + 2 < end ? (s[i + 2] as string) : "";
    switch (c) {
      case "p":
        if (n1 === "h") {
          out += "f";
          i++;
        } else out += "p";
        break;
      case "s":
        if (n1 === "c" && n2 === "h") {
          out += "sk";
          i += 2;
        } else if (n1 === "h") {
          out += "x";
          i++;
        } else out += "s";
        break;
      case "t":
        if (n1 === "c" && n2 === "h") {
          out += "x";
          i += 2;
        } else if (n1 === "h") {
          out += "0";
          i++;
        } else if (n1 === "t") {
          out += "t";
          i++;
        } else out += "t";
        break;
      case "c":
        if (n1 === "k") {
          out += "k";
          i++;
        } else if (n1 === "h") {
          out += "x";
          i++;
        } else out += n1 === "e" || n1 === "i" || n1 === "y" ? "s" : "k";
        break;
      case "d":
        if (n1 === "g" && (n2 === "e" || n2 === "i" || n2 === "y")) {
          out += "j";
          i++;
        } else if (n1 === "t" || n1 === "d") {
          out += "t";
          i++;
        } else out += n1 === "" ? "t" : "d";
        break;
      case "g":
        if (n1 === "h" && !VOWELS.has(n2)) i++;
        else out += "g";
        break;
      case "q":
        out += "k";
        break;
      case "x":
        out += "ks";
        break;
      case "z":
        out += "s";
        break;
      case "v":
        out += "f";
        break;
      default:
        out += c;
    }
  }
  if (out.length === 0) return "";
  // First sound kept (any vowel reads as "a"); later vowels and the semivowels h, w, y dropped; repeats merged.
  const first = out[0] as string;
  let key = VOWELS.has(first) ? "a" : first;
  for (let i = 1; i < out.length; i++) {
    const c = out[i] as string;
    if (VOWELS.has(c) || c === "h" || c === "w") continue;
    if (c !== key[key.length - 1]) key += c;
  }
  return key;
}

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
