/** Places of the gazetteer in a question: read from their letters when typed without marks, never from a word. */
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/text/gazetteer.js';
import { tokenize } from '../../src/text/tokens.js';

const places = (q: string, unaccented = false) => findPlaces(q, tokenize(q), unaccented).map((h) => h.label);

describe('a place typed without its marks in a question typed with them', () => {
  it('is the place when two syllables or more are typed whole without marks, capitalised or not', () => {
    expect(places('Quang Nam có bao nhiêu đảng viên?')).toEqual(['Quảng Nam']);
    expect(places('quang nam có bao nhiêu đảng viên?')).toEqual(['Quảng Nam']);
    expect(places('Bí thư thành ủy da nang là ai?')).toEqual(['Đà Nẵng']);
  });

  it('is a word when one syllable is typed so, or its marks disagree with the place', () => {
    expect(places('Lao động có bao nhiêu đảng viên?')).toEqual([]);
    expect(places('Đà năng có gì mới?')).toEqual([]);
  });

  it('stays what it was in a question typed without any marks', () => {
    expect(places('quang nam co bao nhieu dang vien', true)).toEqual(['Quảng Nam']);
    expect(places('cay toc la gi', true)).toEqual([]);
  });
});
