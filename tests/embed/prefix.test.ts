import { describe, expect, it } from 'vitest';
import { prefixSchemeFor } from '../../src/embed/prefix.js';

describe('prefixSchemeFor', () => {
  it('e5 models: "query: " / "passage: "', () => {
    for (const id of ['Xenova/multilingual-e5-small', 'Xenova/multilingual-e5-base', 'intfloat/e5-small-v2', 'E5-LARGE']) {
      expect(prefixSchemeFor(id)).toEqual({ name: 'e5', query: 'query: ', passage: 'passage: ' });
    }
  });

  it('the tiny-vi test model uses the e5 scheme too', () => {
    expect(prefixSchemeFor('tiny-vi').name).toBe('e5');
    expect(prefixSchemeFor('fixtures/tiny-vi').name).toBe('e5');
  });

  it('e5 instruct models: an instruction on queries only', () => {
    const s = prefixSchemeFor('intfloat/multilingual-e5-large-instruct');
    expect(s.name).toBe('e5-instruct');
    expect(s.query).toMatch(/^Instruct: .*\nQuery: $/s);
    expect(s.passage).toBe('');
  });

  it('other models: no prefixes', () => {
    for (const id of ['Xenova/paraphrase-multilingual-MiniLM-L12-v2', 'Xenova/bge-m3', 'keepitreal/vietnamese-sbert', 'tiny-vi-2']) {
      expect(prefixSchemeFor(id)).toEqual({ name: 'none', query: '', passage: '' });
    }
    expect(prefixSchemeFor('Xenova/bge-small-en-v1.5').name).toBe('bge');
  });

  it('returns a copy (callers cannot change the table)', () => {
    const s = prefixSchemeFor('tiny-vi');
    s.query = 'x';
    expect(prefixSchemeFor('tiny-vi').query).toBe('query: ');
  });
});
