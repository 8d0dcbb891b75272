/**
 * What a pure function of a text gave for the texts seen before: the engine's prefilter remembers what its scan
 * found in a field's value, a rule's field test whether it held. Logs repeat their values (an image path, a
 * user, a provider, a parent command line are the same in thousands of events), and a value seen before is then
 * one hash lookup (its hash is computed once and kept by the string) instead of a pass over its characters, its
 * lowercasing, a regular expression.
 *
 * Bounded twice. Memos share a budget of characters and entries (an engine's prefilter one, the field tests of
 * every rule another): past it, every memo of the budget starts afresh (lazily, when next used), so a long run of
 * ever new values holds at most the budget's worth (twice it while memos not used since are still to be emptied). And a memo whose values do not come back (command lines
 * with ids, hashes, times: fewer than one lookup in four found) rests: its values are scanned as if there were
 * no memo for the next sixteen thousand, then it tries again with what it holds, so a field of unique values
 * costs little more than none.
 */

/** What the memos sharing it hold together, and the generation they are in (a new one empties them all). */
export interface MemoBudget {
  readonly maxChars: number;
  readonly maxEntries: number;
  chars: number;
  entries: number;
  generation: number;
}

export function memoBudget(maxChars = 1 << 21, maxEntries = 1 << 15): MemoBudget {
  return { maxChars, maxEntries, chars: 0, entries: 0, generation: 0 };
}

/** Lookups per verdict on whether a memo's values come back. */
const SAMPLE = 128;
/** Lookups a memo whose values do not come back lets pass before it tries again. */
const REST = 64 * SAMPLE;
export class ValueMemo<T> {
  private readonly known = new Map<string, T>();
  private generation: number;
  private lookups = 0;
  private hits = 0;
  private resting = 0;
  constructor(private readonly budget: MemoBudget) {
    this.generation = budget.generation;
  }

  /** What is remembered for `text`, or undefined: then work it out, and `remember` it if `storing`. */
  found(text: string): T | undefined {
    if (this.resting > 0) {
      this.resting--;
      return undefined;
    }
    if (this.generation !== this.budget.generation) {
      this.known.clear();
      this.generation = this.budget.generation;
    }
    const ids = this.known.get(text);
    this.lookups++;
    if (ids !== undefined) this.hits++;
    if (this.lookups === SAMPLE) {
      if (this.hits * 4 < SAMPLE) this.rest();
      this.lookups = 0;
      this.hits = 0;
    }
    return ids;
  }

  /** Whether what is worked out for the text just looked up is worth remembering (the memo is not resting). */
  get storing(): boolean {
    return this.resting === 0;
  }

  /** Remembers what `text` gave. */
  remember(text: string, value: T): void {
    if (this.resting > 0) return;
    const budget = this.budget;
    if (budget.chars + text.length > budget.maxChars || budget.entries >= budget.maxEntries) {
      // Every memo of the engine starts afresh, this one now, the others when next used.
      budget.generation++;
      budget.chars = 0;
      budget.entries = 0;
      this.known.clear();
      this.generation = budget.generation;
      if (text.length > budget.maxChars) return;
    }
    this.known.set(text, value);
    budget.chars += text.length;
    budget.entries++;
  }

  /** What it holds stays: a field of a few thousand values finds more of them in its next sample. */
  private rest(): void {
    this.resting = REST;
  }
}
