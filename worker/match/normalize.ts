/**
 * Text folding shared by every field: one pass that makes two spellings of the same text compare equal.
 * Unicode compatibility forms (NFKC/NFKD), accents, case, zero-width and bidi controls, punctuation and spacing all
 * disappear here, so the comparison modules only ever see lower-case words separated by single spaces.
 */

// Letters that Unicode decomposition leaves alone but that readers treat as plain Latin letters.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ł: "l",
  Ł: "l",
  ı: "i",
  ħ: "h",
  Ħ: "h",
  ŋ: "n",
  ſ: "s",
  ŀ: "l",
  ĸ: "k",
};

const APOSTROPHES = new Set(["'", "\u2019", "\u2018", "\u02bc", "\u02bb", "`", "\u00b4", "\u2032"]);
const DASHES = new Set(["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d"]);
const MARK = /\p{M}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Characters that survive folding besides letters and digits; everything else becomes a word break. */
export interface FoldOptions {
  /** Keep hyphens between two word characters ("garcia-lopez", "20500-0003"). */
  keepHyphen?: boolean;
  /** Keep "#" and "/" (unit numbers: "#4", "1/23"). */
  keepAddressMarks?: boolean;
  /** Keep commas as their own token (segment breaks in one-line addresses). */
  keepComma?: boolean;
}

const NO_OPTIONS: FoldOptions = {};

/**
 * Folds text to lower-case ASCII-where-possible words separated by single spaces.
 * Apostrophes join ("O'Brien" → "obrien"); other punctuation separates. Plain ASCII text (most input) skips
 * Unicode decomposition and goes through a single character-code loop.
 */
export function fold(input: string, options: FoldOptions = NO_OPTIONS): string {
  return foldCased(input, options, false);
}

/** fold in upper case ("O'Brien" → "OBRIEN"): addresses are read and shown in upper case. */
export function foldUpper(input: string, options: FoldOptions = NO_OPTIONS): string {
  return foldCased(input, options, true);
}

function foldCased(input: string, options: FoldOptions, upper: boolean): string {
  if (isPlain(input)) return cased(input, upper);
  const ascii = wordsAscii(input, cased(input, upper), options, null);
  if (ascii !== null) return ascii.join(" ");
  const text = input.normalize("NFKD");
  const keepHyphen = options.keepHyphen === true;
  const keepMarks = options.keepAddressMarks === true;
  const keepComma = options.keepComma === true;
  let out = "";
  // State: 0 = at a word character, 1 = a break is pending, 2 = a hyphen waits to see whether a word follows.
  let state = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let chars: string | null = null;
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) chars = text[i] as string;
      else if (code >= 65 && code <= 90) chars = String.fromCharCode(code + 32);
      else if (code === 39 || code === 96)
        continue; // apostrophe, backtick: "O'Brien" → "obrien"
      else if (keepMarks && (code === 35 || code === 47)) chars = text[i] as string;
      else if (keepComma && (code === 44 || code === 59)) {
        out += out.length > 0 ? " , " : ", ";
        state = 3;
        continue;
      } else if (keepHyphen && code === 45) {
        state = state === 0 ? 2 : 1;
        continue;
      } else {
        if (state !== 3) state = 1;
        continue;
      }
    } else {
      // Outside ASCII: a whole code point (surrogate pairs included), classified by Unicode property.
      const point = text.codePointAt(i) as number;
      const ch = String.fromCodePoint(point);
      if (point > 0xffff) i++;
      if (APOSTROPHES.has(ch) || isFormatCharacter(point) || MARK.test(ch)) continue;
      if (keepComma && (ch === "\uff0c" || ch === "\uff1b")) {
        out += out.length > 0 ? " , " : ", ";
        state = 3;
        continue;
      }
      if (keepHyphen && DASHES.has(ch)) {
        state = state === 0 ? 2 : 1;
        continue;
      }
      const folded = LETTER_FOLDS[ch];
      if (folded !== undefined) chars = folded;
      else if (LETTER_OR_DIGIT.test(ch)) chars = ch.toLowerCase();
      else {
        if (state !== 3) state = 1;
        continue;
      }
    }
    if (state === 2) out += "-";
    else if (state === 1 && out.length > 0) out += " ";
    out += chars;
    state = 0;
  }
  return upper ? out.toUpperCase() : out;
}

/** The whole text in one case: for plain and ASCII text, the only case change folding makes. */
function cased(text: string, upper: boolean): string {
  return upper ? text.toUpperCase() : text.toLowerCase();
}

/**
 * Whether the text is already folded but for case: ASCII letters and digits in words separated by single spaces (most
 * form fields and bank records; folding only changes its case, whatever the options).
 */
function isPlain(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) previousSpace = false;
    else if (c === 32 && !previousSpace) previousSpace = true;
    else return false;
  }
  return true;
}

/**
 * The ASCII-only tokenizer behind fold and words: reads the input and copies runs of word characters as whole slices
 * of `text` (the input in its final case, lower or upper, which for ASCII text has the same length) straight into
 * the word list, so most text never builds an intermediate string to split again. Null as soon as a character
 * outside ASCII shows up: such text takes Unicode folding. With `segments`, commas (keepComma) close the list of
 * words so far as one of the segments instead of becoming "," words.
 */
function wordsAscii(input: string, text: string, options: FoldOptions, segments: string[][] | null): string[] | null {
  const keepHyphen = options.keepHyphen === true;
  const keepMarks = options.keepAddressMarks === true;
  const keepComma = options.keepComma === true;
  let out: string[] = [];
  // What joins the next word to the list: 0 the previous word (apostrophe join), 1 nothing (a new word), 2 a hyphen
  // inside the previous word, 3 nothing after a comma token.
  let glue = 1;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const code = input.charCodeAt(i);
    if (isWordCode(code, keepMarks)) {
      let j = i + 1;
      while (j < n && isWordCode(input.charCodeAt(j), keepMarks)) j++;
      const run = text.slice(i, j);
      const last = out.length - 1;
      if (last >= 0 && glue === 0) out[last] += run;
      else if (last >= 0 && glue === 2) out[last] += `-${run}`;
      else out.push(run);
      i = j;
      glue = 1;
      // An apostrophe directly after a word joins it to the next one ("o'brien" → "obrien").
      while (i < n && (input.charCodeAt(i) === 39 || input.charCodeAt(i) === 96)) {
        i++;
        glue = 0;
      }
      if (keepHyphen && i < n && input.charCodeAt(i) === 45) {
        // Apostrophes vanish on either side of a hyphen too ("Smith-'Jones"), as on the Unicode path.
        let k = i + 1;
        while (k < n && (input.charCodeAt(k) === 39 || input.charCodeAt(k) === 96)) k++;
        if (k < n && isWordCode(input.charCodeAt(k), keepMarks)) {
          glue = 2;
          i = k;
        }
      }
      continue;
    }
    if (code > 0x7f) return null;
    if (keepComma && (code === 44 || code === 59)) {
      if (segments === null) out.push(",");
      else if (out.length > 0) {
        segments.push(out);
        out = [];
      }
      glue = 3;
    } else if (glue !== 3) glue = 1;
    i++;
  }
  if (segments !== null && out.length > 0) segments.push(out);
  return out;
}

/** A letter (in either case), a digit, or with keepMarks "#" or "/". */
function isWordCode(code: number, keepMarks: boolean): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (keepMarks && (code === 35 || code === 47))
  );
}

// Format characters (zero-width space, ZWJ/ZWNJ, bidi marks, BOM, soft hyphen) vanish without a word break.
function isFormatCharacter(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x206f) ||
    code === 0xfeff ||
    code === 0x180e ||
    code === 0x061c
  );
}

/** The text without format characters (zero-width, bidi, BOM, soft hyphen): what is left of text pasted with them. */
export function withoutFormatCharacters(text: string): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isFormatCharacter(text.charCodeAt(i))) continue;
    out += text.slice(run, i);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** Folded words of a text (with keepComma, each comma is a "," word of its own). */
export function words(input: string, options: FoldOptions = NO_OPTIONS): string[] {
  return wordsCased(input, options, false);
}

/** words in upper case, as addresses read them. */
export function wordsUpper(input: string, options: FoldOptions = NO_OPTIONS): string[] {
  return wordsCased(input, options, true);
}

function wordsCased(input: string, options: FoldOptions, upper: boolean): string[] {
  if (input.length === 0) return [];
  if (isPlain(input)) return splitAtSpaces(cased(input, upper));
  return wordsAscii(input, cased(input, upper), options, null) ?? unicodeWords(input, options, upper);
}

function unicodeWords(input: string, options: FoldOptions, upper: boolean): string[] {
  const folded = foldCased(input, options, upper);
  return folded.length === 0 ? [] : folded.split(" ").filter((w) => w.length > 0);
}

/**
 * Folded words of a text in the segments between its commas (and semicolons), as the lines of a one-line address
 * are read; the options must keep commas. Empty segments (", , " or a leading comma) carry nothing and are left out.
 */
export function commaSegments(input: string, options: FoldOptions): string[][] {
  return commaSegmentsCased(input, options, false);
}

/** commaSegments in upper case, as addresses read them. */
export function commaSegmentsUpper(input: string, options: FoldOptions): string[][] {
  return commaSegmentsCased(input, options, true);
}

function commaSegmentsCased(input: string, options: FoldOptions, upper: boolean): string[][] {
  // No isPlain test first: most one-line addresses have commas, and the tokenizer reads a plain line as fast.
  const segments: string[][] = [];
  if (wordsAscii(input, cased(input, upper), options, segments) !== null) return segments;
  const all = unicodeWords(input, options, upper);
  const unicodeSegments: string[][] = [];
  let from = 0;
  for (let i = 0; i <= all.length; i++) {
    if (i < all.length && all[i] !== ",") continue;
    if (i > from) unicodeSegments.push(all.slice(from, i));
    from = i + 1;
  }
  return unicodeSegments;
}

/** Whether every character is ASCII (such text needs no Unicode normalization). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * text.split(" "), written out: for the few short words of a name or an address line, slicing in a loop is about a
 * third faster than the split builtin (measured on Node 22).
 */
function splitAtSpaces(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let space = text.indexOf(" ");
  while (space >= 0) {
    out.push(text.slice(from, space));
    from = space + 1;
    space = text.indexOf(" ", from);
  }
  out.push(from === 0 ? text : text.slice(from));
  return out;
}

/** Builds a lookup from every spelling in a table of rows (standard form first) to its standard form. */
export function rowsToLookup(rows: readonly (readonly string[])[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const row of rows) {
    const folded = row.map((w) => fold(w));
    // A row that repeats a spelling already known joins that spelling's standard form (one fact, one form).
    const known = folded.map((w) => lookup.get(w)).find((v) => v !== undefined);
    const standard = known ?? (folded[0] as string);
    for (const w of folded) if (!lookup.has(w)) lookup.set(w, standard);
  }
  return lookup;
}
