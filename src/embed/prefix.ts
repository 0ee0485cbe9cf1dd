import type { PrefixScheme } from './types.js';

const E5: PrefixScheme = { name: 'e5', query: 'query: ', passage: 'passage: ' };
const NONE: PrefixScheme = { name: 'none', query: '', passage: '' };

/**
 * How each model family wants queries and passages marked, first match wins. Model ids are matched as given
 * (hub ids such as "Xenova/multilingual-e5-small", or a folder name under MODELS_DIR).
 */
const SCHEMES: readonly { test: RegExp; scheme: PrefixScheme }[] = [
  // multilingual-e5-large-instruct: an instruction on the query side only (model card of intfloat/*-instruct).
  {
    test: /e5.*instruct/i,
    scheme: {
      name: 'e5-instruct',
      query: 'Instruct: Given a question, retrieve passages that answer the question\nQuery: ',
      passage: '',
    },
  },
  { test: /e5/i, scheme: E5 },
  // Our offline test model: the e5 scheme, so tests run the same code as production (its prefix words weigh 0).
  { test: /(^|[\\/])tiny-vi$/i, scheme: E5 },
  // English BGE v1/v1.5: an instruction on the query side only. (bge-m3 and others: no prefix.)
  {
    test: /bge-(small|base|large)-en/i,
    scheme: { name: 'bge', query: 'Represent this sentence for searching relevant passages: ', passage: '' },
  },
  { test: /nomic-embed-text/i, scheme: { name: 'nomic', query: 'search_query: ', passage: 'search_document: ' } },
];

/** The prefix scheme of a model id (pure). Unknown models get empty prefixes. */
export function prefixSchemeFor(modelId: string): PrefixScheme {
  const id = modelId.trim();
  for (const { test, scheme } of SCHEMES) {
    if (test.test(id)) return { ...scheme };
  }
  return { ...NONE };
}
