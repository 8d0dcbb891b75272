/**
 * A multi-pattern matcher for the engine's literal prefilter: which of many needles (thousands per field over
 * the SigmaHQ corpus) occur in a text, in one left-to-right pass whatever their number.
 *
 * Each needle of four characters or more is filed under one of its 4-grams, its anchor: the one fewest needles
 * share, so that common grams (`.exe`, `\win`) file few needles. A pass over a text rolls the 4-gram ending at
 * each character into a 32-bit key (8 bits a character), hashes it into a bit set that fits in the first-level
 * cache and, on the rare hit, compares the needles filed there with the text at that place. Three-character
 * needles have a 3-gram table of their own; shorter ones (a lone non-ASCII character: homoglyph and
 * right-to-left-override rules list hundreds) are filed under their rarest character: a bit per character code
 * says whether to look, and a hashed table like the grams' holds them.
 *
 * Compared with an Aho–Corasick automaton over the same needles this holds a few hundred kilobytes instead of a
 * transition table of tens of megabytes, touches memory that stays in cache, and is exact: a needle is reported
 * only where the text holds it, non-ASCII characters included.
 */

export interface MultiMatcher {
  /** Calls `found(id)` for every needle that occurs in `text` (possibly more than once per needle). */
  readonly scan: (text: string, found: (id: number) => void) => void;
  readonly needles: number;
}

/** Fibonacci hashing of a packed gram into a table of 2^bits slots. */
const GOLDEN = 0x9e3779b1;

/** The gram ending at `end` (inclusive) of `text`, `size` characters packed 8 bits each (the low byte of each). */
function packed(text: string, end: number, size: number): number {
  let key = 0;
  for (let i = end - size + 1; i <= end; i++) key = (key << 8) | (text.charCodeAt(i) & 0xff);
  return key;
}

/** Needles filed by one of their grams of `size` characters: a bit set of the slots in use, then each slot's needles. */
interface GramTable {
  readonly size: number;
  readonly shift: number;
  readonly bits: Uint32Array;
  /** Entries of the slots of bucket b (slot >>> BUCKET): start[b] .. start[b + 1]. */
  readonly start: Int32Array;
  readonly keys: Int32Array;
  readonly needle: Int32Array;
  /** Where the anchor ends in the needle (its last character's index). */
  readonly anchorEnd: Int32Array;
}

/** Eight slots share a bucket of entries: the bit set stays fine-grained, the offsets table eight times smaller. */
const BUCKET = 3;

function buildTable(size: number, entries: readonly { key: number; needle: number; anchorEnd: number }[]): GramTable {
  // At most one slot in sixteen in use: a clear bit rejects most positions of a text with one read (the bit set
  // of the largest table over the SigmaHQ corpus, 7,700 needles, is 16 KiB: it stays in the first-level cache).
  let bits = 10;
  while (1 << bits < entries.length * 16 && bits < 24) bits++;
  const shift = 32 - bits;
  const slots = 1 << bits;
  const slotOf = (key: number): number => Math.imul(key, GOLDEN) >>> shift;
  const buckets = Math.max(slots >>> BUCKET, 1);
  const counts = new Int32Array(buckets + 1);
  for (const e of entries) (counts[(slotOf(e.key) >>> BUCKET) + 1] as number)++;
  for (let b = 0; b < buckets; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const start = counts;
  const fill = counts.slice();
  const keys = new Int32Array(entries.length);
  const needle = new Int32Array(entries.length);
  const anchorEnd = new Int32Array(entries.length);
  const set = new Uint32Array(slots >>> 5 || 1);
  for (const e of entries) {
    const h = slotOf(e.key);
    const at = (fill[h >>> BUCKET] as number)++;
    keys[at] = e.key;
    needle[at] = e.needle;
    anchorEnd[at] = e.anchorEnd;
    set[h >>> 5] = (set[h >>> 5] as number) | (1 << (h & 31));
  }
  return { size, shift, bits: set, start, keys, needle, anchorEnd };
}

/**
 * Needles filed by one of their characters: a bit per character code (8 KiB) says whether any needle is filed
 * under it, and a hashed table like the grams' holds them (a table of all 65,536 codes would be 512 KiB a field).
 */
function charTable(entries: readonly { key: number; needle: number; anchorEnd: number }[]): GramTable & { readonly direct: Uint32Array } {
  const direct = new Uint32Array(0x10000 >>> 5);
  for (const e of entries) direct[e.key >>> 5] = (direct[e.key >>> 5] as number) | (1 << (e.key & 31));
  return { ...buildTable(1, entries), direct };
}

/**
 * Where each needle of four characters or more is anchored (the end of its least shared 4-gram among `texts`).
 * The engine computes it once per field over all its rules' needles, so that each log source's matcher, built
 * from some of them, does not count grams again.
 */
export function chooseAnchors(texts: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(texts)].filter((t) => t.length >= 4);
  // How many needles hold each gram, in an open-addressing table of the grams (tens of thousands for the
  // largest fields: a Map made this a tenth of a second). A needle holding a gram twice counts once: `holder`
  // says which needle counted it last.
  let grams = 0;
  for (const t of distinct) grams += t.length - 3;
  let bits = 4;
  while (1 << bits < grams * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const keys = new Int32Array(1 << bits);
  const counts = new Int32Array(1 << bits); // 0: the slot is free
  const holder = new Int32Array(1 << bits);
  const slotOf = (key: number): number => {
    let slot = Math.imul(key, GOLDEN) >>> shift;
    while (counts[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  };
  distinct.forEach((t, n) => {
    let key = packed(t, 2, 3);
    for (let end = 3; end < t.length; end++) {
      key = (key << 8) | (t.charCodeAt(end) & 0xff);
      const slot = slotOf(key);
      if (counts[slot] === 0) {
        keys[slot] = key;
        counts[slot] = 1;
        holder[slot] = n;
      } else if (holder[slot] !== n) {
        counts[slot] = (counts[slot] as number) + 1;
        holder[slot] = n;
      }
    }
  });
  const anchors = new Map<string, number>();
  for (const t of distinct) {
    let best = 3;
    let fewest = Infinity;
    let key = packed(t, 2, 3);
    for (let end = 3; end < t.length; end++) {
      key = (key << 8) | (t.charCodeAt(end) & 0xff);
      const count = counts[slotOf(key)] as number;
      if (count < fewest) {
        fewest = count;
        best = end;
      }
    }
    anchors.set(t, best);
  }
  return anchors;
}

/** Where needles are anchored (the end of their anchor gram), by their text; a needle not known is anchored at its end. */
export interface Anchors {
  get(text: string): number | undefined;
}

export function compileMultiMatcher(needles: readonly { readonly text: string; readonly id: number }[], anchors?: Anchors): MultiMatcher {
  // Distinct texts, each with the ids it stands for.
  const byText = new Map<string, number[]>();
  for (const { text, id } of needles) {
    const ids = byText.get(text);
    if (ids) ids.push(id);
    else byText.set(text, [id]);
  }
  const texts = [...byText.keys()];
  const ids = texts.map((t) => Int32Array.from(byText.get(t) as number[]));

  // A needle is filed under its least shared 4-gram (among these needles, unless the caller knows better).
  const anchorOf = anchors ?? chooseAnchors(texts);
  const long: { key: number; needle: number; anchorEnd: number }[] = [];
  const three: { key: number; needle: number; anchorEnd: number }[] = [];
  const short: { key: number; needle: number; anchorEnd: number }[] = [];
  texts.forEach((t, n) => {
    if (t.length < 3) {
      // A non-ASCII character if there is one (ASCII ones are everywhere in logs).
      const end = t.length === 2 && t.charCodeAt(1) <= 127 && t.charCodeAt(0) > 127 ? 0 : t.length - 1;
      short.push({ key: t.charCodeAt(end), needle: n, anchorEnd: end });
    } else if (t.length === 3) three.push({ key: packed(t, 2, 3), needle: n, anchorEnd: 2 });
    else {
      const end = anchorOf.get(t) ?? t.length - 1;
      long.push({ key: packed(t, end, 4), needle: n, anchorEnd: end });
    }
  });
  return new GramMatcher(
    texts,
    ids,
    long.length > 0 ? buildTable(4, long) : EMPTY_TABLE,
    three.length > 0 ? buildTable(3, three) : EMPTY_TABLE,
    short.length > 0 ? charTable(short) : NO_CHARS,
    // Short needles are filed under a non-ASCII character where they have one (the engine's always do): then
    // ASCII characters, nearly all of a log's, skip the character table.
    short.length === 0 ? 0x10000 : short.some((e) => e.key < 128) ? 0 : 128,
    needles.length,
  );
}

/** A table with no needles: its bit set is never looked at (the pass skips it by its size). */
const EMPTY_TABLE: GramTable = {
  size: 0,
  shift: 0,
  bits: new Uint32Array(1),
  start: new Int32Array(2),
  keys: new Int32Array(0),
  needle: new Int32Array(0),
  anchorEnd: new Int32Array(0),
};

/** No short needles: the character table is never looked at (`from1` is past every code). */
const NO_CHARS = { ...EMPTY_TABLE, direct: new Uint32Array(1) };

/**
 * The matcher: one class, so that the pass over a text is one optimised function for every field's matcher (a
 * closure per matcher made the engine's calls polymorphic and the pass twice as slow).
 */
class GramMatcher implements MultiMatcher {
  constructor(
    private readonly texts: readonly string[],
    private readonly ids: readonly Int32Array[],
    private readonly four: GramTable,
    private readonly three: GramTable,
    private readonly chars: GramTable & { readonly direct: Uint32Array },
    /** The first character code the character table is looked at for (0x10000: never). */
    private readonly from1: number,
    readonly needles: number,
  ) {}

  scan(text: string, found: (id: number) => void): void {
    const has4 = this.four.size !== 0;
    const has3 = this.three.size !== 0;
    const bits4 = this.four.bits;
    const shift4 = this.four.shift;
    const bits3 = this.three.bits;
    const shift3 = this.three.shift;
    const bits1 = this.chars.direct;
    const shift1 = this.chars.shift;
    const from1 = this.from1;
    let key = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      key = (key << 8) | (c & 0xff);
      if (c >= from1 && ((bits1[c >>> 5] as number) & (1 << (c & 31))) !== 0)
        this.verify(this.chars, Math.imul(c, GOLDEN) >>> shift1, c, text, i, found);
      if (has3 && i >= 2) {
        const k = key & 0xffffff;
        const slot = Math.imul(k, GOLDEN) >>> shift3;
        if (((bits3[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) this.verify(this.three, slot, k, text, i, found);
      }
      if (has4 && i >= 3) {
        const slot = Math.imul(key, GOLDEN) >>> shift4;
        if (((bits4[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) this.verify(this.four, slot, key, text, i, found);
      }
    }
  }

  /** The needles of `table` filed under the gram ending at `i`, compared with the text there. */
  private verify(table: GramTable, slot: number, key: number, text: string, i: number, found: (id: number) => void): void {
    const bucket = slot >>> BUCKET;
    const end = table.start[bucket + 1] as number;
    for (let e = table.start[bucket] as number; e < end; e++) {
      if (table.keys[e] !== key) continue;
      const n = table.needle[e] as number;
      const t = this.texts[n] as string;
      const from = i - (table.anchorEnd[e] as number);
      if (from >= 0 && from + t.length <= text.length && text.startsWith(t, from)) {
        const list = this.ids[n] as Int32Array;
        for (let j = 0; j < list.length; j++) found(list[j] as number);
      }
    }
  }
}
