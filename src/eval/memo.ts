/**
 * What a pure function of a text gave for the texts seen before: the engine's prefilter remembers what its scan
 * found in a field's value, a rule's field test whether it held. Logs repeat their values (an image path, a
 * user, a provider, a parent command line are the same in thousands of events), and a value seen before is then
 * a lookup instead of a pass over its characters, its lowercasing, a regular expression.
 *
 * Texts are numbered once (textNumber: one hash of the text per event value, however many memos ask about it)
 * and memos are keyed by number. Bounded twice. The numbered texts and the memos' entries have a budget for the
 * process: past it, a new generation starts, numbers are given afresh and every memo empties itself when next
 * used, so a long run of ever new values holds at most the budget's worth (twice it while memos not used since
 * are still to be emptied). A text is remembered from its second sighting (a new text's number
 * comes back negated). And where values do not come back (command lines with ids, hashes, times: fewer than one
 * lookup in four found in a sample), a place of the event stops numbering its values and a memo rests (Sampler):
 * values are worked out as if there were no memo for a while, then tried again; each rest twice as long as the
 * one before, up to eight thousand lookups, so a field of unique values costs little more than none.
 */

/** The budget of the numbered texts (characters, texts) and of the memos' entries, for the process. */
export interface MemoLimits {
  readonly chars: number;
  readonly texts: number;
  readonly entries: number;
}

/** A few MiB at most: 512 Ki characters of texts, 16 Ki texts and pairs, 32 Ki memo entries. */
export const MEMO_LIMITS: MemoLimits = Object.freeze({ chars: 1 << 19, texts: 1 << 14, entries: 1 << 15 });

let limits = MEMO_LIMITS;

/**
 * Sets the budget (a tighter one for a small machine, a tiny one in tests) and starts afresh: a new generation,
 * and every Sampler's verdicts forgotten (what one run learnt of its values says nothing of the next one's).
 */
export function configureMemos(given: MemoLimits): void {
  limits = given;
  samplings++;
  renew();
}

/** Bumped by configureMemos: a Sampler of an older one starts its samples again. */
let samplings = 0;

/** The numbered texts of the current generation, and what the memos hold in it. */
const state = {
  numbers: new Map<string, number>(),
  pairs: new Map<number, number>(),
  next: 1,
  chars: 0,
  entries: 0,
  generation: 0,
};

/** Starts a new generation: texts are numbered afresh, every memo empties itself when next used. */
function renew(): void {
  state.numbers.clear();
  state.pairs.clear();
  state.chars = 0;
  state.entries = 0;
  state.generation++;
}

/** The generation texts are numbered in (a number is only good within it). */
export function memoGeneration(): number {
  return state.generation;
}

/**
 * The number of a text: the same for equal texts within a generation, never given to another text. Negative
 * (minus the number) when the text is new: met for the first time in this generation, nothing is remembered of
 * it, and nothing is worth remembering until it comes again (a log of unique values then costs its memos
 * nothing but this lookup). A text longer than the whole budget is new every time.
 */
export function textNumber(text: string): number {
  let n = state.numbers.get(text);
  if (n === undefined) {
    n = state.next++;
    if (text.length > limits.chars) return -n;
    if (state.chars + text.length > limits.chars || state.numbers.size + state.pairs.size >= limits.texts) renew();
    state.numbers.set(detached(text), n);
    state.chars += text.length;
    return -n;
  }
  return n;
}

/** Numbers below this are paired in one exact number (their combination stays below 2^52). */
export const PAIRED = 2 ** 26;

/**
 * The number of a pair of numbers (of texts or of pairs, not negative): the same for the same pair within a
 * generation, never given to a text or another pair; negative when the pair is new (as textNumber). Lists of
 * numbers are numbered pair by pair, without building a text.
 */
export function pairNumber(a: number, b: number): number {
  if (a >= PAIRED || b >= PAIRED) return textNumber(`${a}:${b}`);
  const key = a * PAIRED + b;
  let n = state.pairs.get(key);
  if (n === undefined) {
    n = state.next++;
    if (state.numbers.size + state.pairs.size >= limits.texts) renew();
    state.pairs.set(key, n);
    return -n;
  }
  return n;
}

/**
 * A copy of a text that holds nothing else alive: a text cut from a larger one (a slice of a file read, of a long
 * line) keeps all of it in memory for as long as it lives, and a remembered text lives long. Prefixing makes a
 * string that has to be flattened into a new one of the text's own length, which the slice then refers to.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** Lookups per verdict on whether a memo's values come back. */
const SAMPLE = 64;
/** The longest rest (in lookups let pass) of a memo whose values do not come back: the rest doubles from SAMPLE. */
const MAX_REST = 128 * SAMPLE;

/**
 * Whether lookups find what they look for often enough to be worth making: a verdict per sample of SAMPLE
 * lookups (found in one in four at least); after a poor sample the lookups rest, SAMPLE long, twice as long after
 * each poor sample in a row, up to MAX_REST.
 */
export class Sampler {
  private lookups = 0;
  private hits = 0;
  private resting = 0;
  /** Samples in a row that found too little. */
  private failures = 0;
  private sampling = samplings;

  /** Whether lookups rest now (then the caller does without): counts the lookup let pass. */
  passes(): boolean {
    if (this.sampling !== samplings) this.restart();
    if (this.resting === 0) return false;
    this.resting--;
    return true;
  }

  private restart(): void {
    this.sampling = samplings;
    this.lookups = 0;
    this.hits = 0;
    this.resting = 0;
    this.failures = 0;
  }

  /** Counts a lookup made, and whether it found what it looked for. */
  count(hit: boolean): void {
    this.lookups++;
    if (hit) this.hits++;
    if (this.lookups < SAMPLE) return;
    if (this.hits * 4 >= SAMPLE) this.failures = 0;
    else {
      this.resting = Math.min(SAMPLE << this.failures, MAX_REST);
      this.failures++;
    }
    this.lookups = 0;
    this.hits = 0;
  }
}

/**
 * What texts gave, by their numbers (textNumber), in the current generation. A memo whose texts do not come back
 * rests (Sampler): what it holds stays, and a field of a few thousand values finds more of them in its next sample.
 */
export class ValueMemo<T> {
  private known: Map<number, T> | undefined = undefined;
  private generation = state.generation;
  private readonly sampler = new Sampler();

  /** Whether the memo is resting (then `found` and `remember` are not worth calling): counts the lookup. */
  passes(): boolean {
    return this.sampler.passes();
  }

  /**
   * What is remembered for the text numbered `n` (textNumber), or undefined: then work it out and `remember` it.
   * A new text's number (negative) finds nothing and does not count: whether a field's values come back is its
   * place's business (fields.ts), and a log of unique values costs a memo nothing.
   */
  found(n: number): T | undefined {
    if (n < 0) return undefined;
    if (this.generation !== state.generation) {
      this.known?.clear();
      this.generation = state.generation;
    }
    const value = this.known?.get(n);
    this.sampler.count(value !== undefined);
    return value;
  }

  /** Remembers what the text numbered `n` gave (not a new text's, nor in a generation since gone). */
  remember(n: number, value: T): void {
    if (n < 0 || this.generation !== state.generation) return;
    if (state.entries >= limits.entries) {
      renew();
      return;
    }
    (this.known ??= new Map()).set(n, value);
    state.entries++;
  }
}
