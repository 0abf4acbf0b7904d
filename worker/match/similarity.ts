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
// The second word's character codes, read once per call instead of once per cell.
const codesB = new Uint16Array(MAX_COMPARE);
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
  for (let j = 0; j < lb; j++) codesB[j] = b.charCodeAt(j);
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    // Row i (above) and row i + 1 (being filled) of the matrix; `left` is the cell just filled.
    const above = i * width;
    const row = above + width;
    let left = d[row + 1] as number;
    let lastCol = 0;
    for (let j = 1; j <= lb; j++) {
      const cb = codesB[j - 1] as number;
      const k = lastRow[cb] as number;
      const l = lastCol;
      let cost = 1;
      if (ca === cb) {
        cost = 0;
        lastCol = j;
      }
      // The cheapest of substitution, insertion, deletion and transposition (with what lies between).
      let best = (d[above + j] as number) + cost;
      const insertion = left + 1;
      if (insertion < best) best = insertion;
      const deletion = (d[above + j + 1] as number) + 1;
      if (deletion < best) best = deletion;
      const transposition = (d[k * width + l] as number) + (i - k - 1) + 1 + (j - l - 1);
      if (transposition < best) best = transposition;
      d[row + j + 1] = best;
      left = best;
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
 * letter are dropped. Two spellings with the same key sound alike. It runs for most pairs of unequal words, so it works
 * on character codes in reused buffers: no regular expressions and no string built letter by letter.
 */
export function phoneticKey(word: string): string {
  if (word.length > letters.length) {
    letters = new Uint8Array(word.length * 2);
    keyCodes = new Uint8Array(word.length * 4);
  }
  let length = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) letters[length++] = c;
  }
  if (length === 0) return "";
  keyLength = 0;
  // Silent or merged openings: KNight, GNome, PNeumonia, WRight, PSalm; X→S; WHite; CHris/CHloe.
  let start = 0;
  const c0 = letters[0] as number;
  const c1 = length > 1 ? (letters[1] as number) : 0;
  if ((c1 === N && (c0 === K || c0 === G || c0 === P)) || (c0 === W && c1 === R) || (c0 === P && c1 === S)) {
    start = 1;
  } else if (c0 === X) {
    addSound(S);
    start = 1;
  } else if (c0 === W && c1 === H) {
    addSound(W);
    start = 2;
  } else if (c0 === C && c1 === H && length > 2 && !isVowel(letters[2] as number)) {
    addSound(K);
    start = 2;
  }
  let end = length;
  if (end >= 2 && letters[end - 1] === B && letters[end - 2] === M) end--;
  for (let i = start; i < end; i++) {
    const c = letters[i] as number;
    // 0 past the end, like no letter.
    const n1 = i + 1 < end ? (letters[i + 1] as number) : 0;
    const n2 = i + 2 < end ? (letters[i + 2] as number) : 0;
    if (c === P) {
      if (n1 === H) {
        addSound(F);
        i++;
      } else addSound(P);
    } else if (c === S) {
      if (n1 === C && n2 === H) {
        addSound(S);
        addSound(K);
        i += 2;
      } else if (n1 === H) {
        addSound(X);
        i++;
      } else addSound(S);
    } else if (c === T) {
      if (n1 === C && n2 === H) {
        addSound(X);
        i += 2;
      } else if (n1 === H) {
        addSound(TH);
        i++;
      } else if (n1 === T) {
        addSound(T);
        i++;
      } else addSound(T);
    } else if (c === C) {
      if (n1 === K) {
        addSound(K);
        i++;
      } else if (n1 === H) {
        addSound(X);
        i++;
      } else addSound(n1 === E || n1 === I || n1 === Y ? S : K);
    } else if (c === D) {
      if (n1 === G && (n2 === E || n2 === I || n2 === Y)) {
        addSound(J);
        i++;
      } else if (n1 === T || n1 === D) {
        addSound(T);
        i++;
      } else addSound(n1 === 0 ? T : D);
    } else if (c === G) {
      if (n1 === H && !isVowel(n2)) i++;
      else addSound(G);
    } else if (c === Q) addSound(K);
    else if (c === X) {
      addSound(K);
      addSound(S);
    } else if (c === Z) addSound(S);
    else if (c === V) addSound(F);
    else addSound(c);
  }
  let key = "";
  for (let i = 0; i < keyLength; i++) key += String.fromCharCode(keyCodes[i] as number);
  return key;
}

// The letters a to z of the word phoneticKey reads, and the key it builds, as character codes.
let letters = new Uint8Array(64);
let keyCodes = new Uint8Array(128);
let keyLength = 0;

/** Adds a sound to the key: the first as it is (any vowel reads as "a"); later vowels, h and w dropped; repeats merged. */
function addSound(code: number): void {
  if (keyLength === 0) keyCodes[keyLength++] = isVowel(code) ? A : code;
  else if (!isVowel(code) && code !== H && code !== W && code !== keyCodes[keyLength - 1]) keyCodes[keyLength++] = code;
}

/** Whether a character code is one of the vowels a, e, i, o, u and y (0, no letter, is not). */
function isVowel(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U || code === Y;
}

// Character codes of the letters phoneticKey tells apart, and of "0", its sound for "th".
const A = 97;
const B = 98;
const C = 99;
const D = 100;
const E = 101;
const F = 102;
const G = 103;
const H = 104;
const I = 105;
const J = 106;
const K = 107;
const M = 109;
const N = 110;
const O = 111;
const P = 112;
const Q = 113;
const R = 114;
const S = 115;
const T = 116;
const U = 117;
const V = 118;
const W = 119;
const X = 120;
const Y = 121;
const Z = 122;
const TH = 48;
