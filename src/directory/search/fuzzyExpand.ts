// Expands one typed word into the indexed words it may stand for: exact, prefix (search as
// you type) and, for longer words, one or two typos (Damerau: insert, delete, substitute,
// swap), also on prefixes ("shaerb" → "schaerbeek"). Walks the sorted vocabulary as an
// implicit trie, carrying one edit-distance row per depth, so only the branches within the
// allowed distance are visited.

/** Quality of a word match, 1 = the exact word. */
export const QUALITY = {
  exact: 1,
  prefixMin: 0.7,
  prefixSpan: 0.2,
  typo1: 0.62,
  typo2: 0.42,
  prefixTypo1: 0.45,
  prefixTypo2: 0.3,
} as const;

export function allowedEdits(word: string): number {
  if (/\d/.test(word)) return 0;
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** Lowest index in [lo, hi) whose char at depth is > code (vocab sorted, all share the prefix). */
function upperBound(vocab: readonly string[], lo: number, hi: number, depth: number, code: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocab[mid] as string).charCodeAt(depth) <= code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first word ≥ prefix. */
export function lowerBoundWord(vocab: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocab[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ExpandOptions {
  maxEdits: number;
  /** Allow words that merely start with the query (the word being typed). */
  prefix: boolean;
  /** Stop adding prefix ranges beyond this many words. */
  maxTerms: number;
}

/**
 * Calls `hit(termIndex, quality)` for matching vocabulary words (a word may be reported
 * several times, keep the best).
 */
export function expandWord(vocab: readonly string[], q: string, opts: ExpandOptions, hit: (term: number, quality: number) => void): void {
  const m = q.length;
  if (m === 0 || vocab.length === 0) return;
  let budget = opts.maxTerms;
  if (opts.maxEdits === 0) {
    const lo = lowerBoundWord(vocab, q);
    if (!opts.prefix) {
      if (vocab[lo] === q) hit(lo, QUALITY.exact);
      return;
    }
    for (let i = lo; i < vocab.length && budget > 0; i++, budget--) {
      const w = vocab[i] as string;
      if (!w.startsWith(q)) break;
      hit(i, w.length === m ? QUALITY.exact : QUALITY.prefixMin + (QUALITY.prefixSpan * m) / w.length);
    }
    return;
  }
  const k = opts.maxEdits;
  const qc = new Array<number>(m);
  for (let j = 0; j < m; j++) qc[j] = q.charCodeAt(j);
  const row0 = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) row0[j] = j;

  const reportRange = (lo: number, hi: number, depth: number, cost: number): void => {
    for (let i = lo; i < hi && budget > 0; i++) {
      const w = vocab[i] as string;
      if (w.length === depth) {
        hit(i, cost === 0 ? QUALITY.exact : cost === 1 ? QUALITY.typo1 : QUALITY.typo2);
      } else if (opts.prefix) {
        budget--;
        hit(i, cost === 0 ? QUALITY.prefixMin + (QUALITY.prefixSpan * m) / w.length : cost === 1 ? QUALITY.prefixTypo1 : QUALITY.prefixTypo2);
      } else break;
    }
  };

  const visit = (lo: number, hi: number, depth: number, row: number[], prevRow: number[] | null, prevChar: number): void => {
    const cost = row[m] as number;
    let minRow = cost;
    for (let j = 0; j < m; j++) if ((row[j] as number) < minRow) minRow = row[j] as number;
    if (cost <= k) {
      // The typed word is consumed: the word ending here is a full match; longer ones are prefixes.
      reportRange(lo, opts.prefix ? hi : Math.min(hi, lo + 1), depth, cost);
      if (minRow >= cost) return;
    } else if ((vocab[lo] as string).length === depth) {
      // nothing: this word is too far
    }
    if (minRow > k) return;
    let start = lo;
    if ((vocab[start] as string).length === depth) start++;
    while (start < hi) {
      const c = (vocab[start] as string).charCodeAt(depth);
      const end = upperBound(vocab, start, hi, depth, c);
      const next = new Array<number>(m + 1);
      next[0] = depth + 1;
      for (let j = 1; j <= m; j++) {
        const sub = (row[j - 1] as number) + (qc[j - 1] === c ? 0 : 1);
        let v = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, sub);
        if (prevRow && j > 1 && qc[j - 1] === prevChar && qc[j - 2] === c) v = Math.min(v, (prevRow[j - 2] as number) + 1);
        next[j] = v;
      }
      visit(start, end, depth + 1, next, row, c);
      start = end;
    }
  };
  visit(0, vocab.length, 0, row0, null, -1);
}

/** Damerau (optimal string alignment) distance, capped: returns max+1 when over. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m] as number;
}
