/** The passage texts kept between reads are the index's own. */
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/search/chunk-text.js';
import { useSeedIndex } from '../helpers/index-fixture.js';

const seeds = useSeedIndex();

describe('chunk texts', () => {
  it('are the texts the index holds, read first or again', () => {
    const index = seeds();
    for (let round = 0; round < 2; round++) for (let c = 0; c < index.chunks.length; c++) expect(chunkText(index, c)).toBe(index.chunks[c]!.text);
  });
});
