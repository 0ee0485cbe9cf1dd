/**
 * The bar to beat: plain BM25 (k1 1.2, b 0.75) over each chunk's syllables plus adjacent syllable
 * pairs, lower-cased NFC, no stop list, no article context; diacritics folded on both sides for an
 * unaccented question. The same definition as the reference figures shipped with the eval sets.
 */
import { KeywordIndex } from '../index/keyword-index.js';
import { PAIR_SEP } from '../index/terms.js';
import { topK } from '../search/topk.js';
import { tokenize, type Token } from '../text/tokens.js';

function plainTerms(tokens: readonly Token[], folded: boolean): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const form = folded ? t.folded : t.term;
    out.push(form);
    if (i > 0 && t.joined) out.push((folded ? tokens[i - 1]!.folded : tokens[i - 1]!.term) + PAIR_SEP + form);
  });
  return out;
}

export class PlainBm25 {
  private readonly exact: KeywordIndex;
  private readonly folded: KeywordIndex;

  constructor(texts: readonly string[]) {
    const toks = texts.map((t) => tokenize(t));
    this.exact = KeywordIndex.build(toks.map((t) => plainTerms(t, false)));
    this.folded = KeywordIndex.build(toks.map((t) => plainTerms(t, true)));
  }

  /** Chunk ordinals of the best `k` chunks, best first. */
  search(question: string, unaccented: boolean, k: number): number[] {
    const index = unaccented ? this.folded : this.exact;
    const counts = new Map<string, number>();
    for (const t of plainTerms(tokenize(question), unaccented)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const matches = [...counts].map(([term, weight]) => index.match({ term, folded: false, weight })).filter((m) => m !== null);
    const scores = new Float32Array(index.docCount);
    index.accumulate(matches, scores);
    return topK(scores, k);
  }
}
