/**
 * A small Aho–Corasick automaton: all needles found in one left-to-right pass over a text, whatever their
 * number. Built once per field of a rule set (the engine's literal prefilter); the transitions are a dense
 * table over the characters the needles use (any other character leads back to the root), so a step is two
 * array reads. Needles and texts are compared as given (the engine feeds lowercased ones).
 */

export interface MultiMatcher {
  /** Calls `found(id)` for every needle that occurs in `text` (possibly more than once per needle). */
  readonly scan: (text: string, found: (id: number) => void) => void;
  readonly needles: number;
}

/** Compiles needles (non-empty strings, each with an id the caller chooses) into one automaton. */
export function compileMultiMatcher(needles: readonly { readonly text: string; readonly id: number }[]): MultiMatcher {
  // Alphabet: the characters the needles use, numbered from 1; 0 stands for every other character.
  const alphabet = new Map<number, number>();
  for (const { text } of needles)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!alphabet.has(c)) alphabet.set(c, alphabet.size + 1);
    }
  const width = alphabet.size + 1;
  const asciiClass = new Int32Array(128);
  for (const [c, k] of alphabet) if (c < 128) asciiClass[c] = k;
  const classOf = (c: number): number => (c < 128 ? (asciiClass[c] as number) : (alphabet.get(c) ?? 0));

  // Trie.
  const children: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  for (const { text, id } of needles) {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const k = classOf(text.charCodeAt(i));
      const kids = children[node] as Map<number, number>;
      let next = kids.get(k);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push([]);
        kids.set(k, next);
      }
      node = next;
    }
    (outputs[node] as number[]).push(id);
  }

  // Breadth-first: failure links folded into a full transition table, and for each node the nearest node on
  // its failure chain that ends a needle (so a scan visits only nodes with output).
  const size = children.length;
  const delta = new Int32Array(size * width);
  const fail = new Int32Array(size);
  const outLink = new Int32Array(size).fill(-1);
  const queue: number[] = [];
  for (const [k, child] of children[0] as Map<number, number>) {
    delta[k] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    const f = fail[node] as number;
    outLink[node] = (outputs[f] as number[]).length > 0 ? f : (outLink[f] as number);
    for (let k = 0; k < width; k++) delta[node * width + k] = delta[f * width + k] as number;
    for (const [k, child] of children[node] as Map<number, number>) {
      fail[child] = node === 0 ? 0 : (delta[f * width + k] as number);
      delta[node * width + k] = child;
      queue.push(child);
    }
  }
  const out = outputs.map((o) => Int32Array.from(o));

  const scan = (text: string, found: (id: number) => void): void => {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = delta[node * width + (c < 128 ? (asciiClass[c] as number) : (alphabet.get(c) ?? 0))] as number;
      for (let n = node; n > 0; n = outLink[n] as number) {
        const ids = out[n] as Int32Array;
        for (let j = 0; j < ids.length; j++) found(ids[j] as number);
      }
    }
  };
  return Object.freeze({ scan, needles: needles.length });
}
