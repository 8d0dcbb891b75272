/**
 * A small Aho–Corasick automaton: all needles found in one left-to-right pass over a text, whatever their
 * number. Built once per field of a rule set (the engine's literal prefilter); the transitions are a dense
 * table over the ASCII characters the needles use (any other character leads back to the root), so a step is
 * two array reads. All non-ASCII characters share one class (a rule with one homoglyph would otherwise widen
 * every row of the table): the automaton may then report a needle that differs from the text in non-ASCII
 * characters — more than is there, never less, which is what a prefilter may do. Needles and texts are compared
 * as given (the engine feeds lowercased ones).
 */

export interface MultiMatcher {
  /**
   * Calls `found(id)` for every needle that occurs in `text` (possibly more than once per needle), and possibly
   * for needles that differ from the text only in non-ASCII characters.
   */
  readonly scan: (text: string, found: (id: number) => void) => void;
  readonly needles: number;
}

/** Compiles needles (non-empty strings, each with an id the caller chooses) into one automaton. */
export function compileMultiMatcher(needles: readonly { readonly text: string; readonly id: number }[]): MultiMatcher {
  // Alphabet: the ASCII characters the needles use numbered from 1, then one class for all non-ASCII ones if
  // a needle has any; 0 stands for every other character.
  const asciiClass = new Int32Array(128);
  let classes = 0;
  let nonAscii = 0;
  for (const { text } of needles)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (asciiClass[c] === 0) asciiClass[c] = ++classes;
      } else if (nonAscii === 0) nonAscii = -1;
    }
  if (nonAscii === -1) nonAscii = ++classes;
  const width = classes + 1;
  const classOf = (c: number): number => (c < 128 ? (asciiClass[c] as number) : nonAscii);

  // Trie: edges in one map keyed by node × width + class (a map per node would cost far more memory).
  const edges = new Map<number, number>();
  const kids: number[][] = [[]]; // each node's classes with an edge, for the breadth-first pass
  const outputs: number[][] = [[]];
  for (const { text, id } of needles) {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const k = classOf(text.charCodeAt(i));
      let next = edges.get(node * width + k);
      if (next === undefined) {
        next = outputs.length;
        outputs.push([]);
        kids.push([]);
        edges.set(node * width + k, next);
        (kids[node] as number[]).push(k);
      }
      node = next;
    }
    (outputs[node] as number[]).push(id);
  }

  // Breadth-first: failure links folded into a full transition table, and for each node the nearest node on
  // its failure chain that ends a needle (so a scan visits only nodes with output).
  const size = outputs.length;
  const delta = new Int32Array(size * width);
  const fail = new Int32Array(size);
  const outLink = new Int32Array(size).fill(-1);
  const queue: number[] = [];
  for (const k of kids[0] as number[]) {
    const child = edges.get(k) as number;
    delta[k] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    const f = fail[node] as number;
    outLink[node] = (outputs[f] as number[]).length > 0 ? f : (outLink[f] as number);
    delta.copyWithin(node * width, f * width, f * width + width);
    for (const k of kids[node] as number[]) {
      const child = edges.get(node * width + k) as number;
      fail[child] = delta[f * width + k] as number;
      delta[node * width + k] = child;
      queue.push(child);
    }
  }
  const out = outputs.map((o) => Int32Array.from(o));

  const scan = (text: string, found: (id: number) => void): void => {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = delta[node * width + (c < 128 ? (asciiClass[c] as number) : nonAscii)] as number;
      for (let n = node; n > 0; n = outLink[n] as number) {
        const ids = out[n] as Int32Array;
        for (let j = 0; j < ids.length; j++) found(ids[j] as number);
      }
    }
  };
  return Object.freeze({ scan, needles: needles.length });
}
