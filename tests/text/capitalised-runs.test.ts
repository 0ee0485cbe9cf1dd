import { describe, expect, it } from 'vitest';
import { isCapitalised } from '../../src/text/gazetteer.js';
import { capitalisedRuns, tokenize } from '../../src/text/tokens.js';

/** The reading capitalisedRuns stands in for: every run of tokenize()'s tokens, capitalised and joined, whose folded forms are `folded`. */
function byTokens(text: string, folded: readonly string[]): string[][] {
  const tokens = tokenize(text);
  const out: string[][] = [];
  for (let i = 0; i + folded.length <= tokens.length; i++) {
    if (folded.every((f, k) => tokens[i + k]!.folded === f && isCapitalised(text, tokens[i + k]!) && (k === 0 || tokens[i + k]!.joined))) out.push(tokens.slice(i, i + folded.length).map((t) => t.term));
  }
  return out;
}

const TEXTS = [
  'Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Hà Nội, dự Hội nghị tại Hà nội và HÀ NỘI.',
  'Ông  Nguyễn\u00a0Văn\tHùng; bà Nguyễn-Văn Hùng; ông Nguyễn. Văn Hùng.',
  'Thành phố Hoà Bình, HOÀ BÌNH, Hòa Bình: 1.234,5 tỷ; 12Abc Abc12 Abc; 1.5Abc; x.Abc',
  'Nghệ An, Huế'.normalize('NFD') + ' và Nghệ An',
  'Doctor Who, doctor who, Doctor who, DOCTOR WHO; iPhone Phone',
  'Ⅻ Ⅻ Ⅻ; ｘyz Ｘyz; Đắk Lắk ĐẮK LẮK Dak Lak',
];

describe('capitalisedRuns', () => {
  it('finds what scanning tokenize() finds, every syllable capitalised and joined', () => {
    expect(capitalisedRuns(TEXTS[0]!, ['ha', 'noi'])).toEqual([['hà', 'nội'], ['hà', 'nội']]);
    expect(capitalisedRuns(TEXTS[1]!, ['nguyen', 'van', 'hung'])).toEqual([['nguyễn', 'văn', 'hùng']]);
    expect(capitalisedRuns(TEXTS[2]!, ['hoa', 'binh'])).toEqual([['hòa', 'bình'], ['hòa', 'bình'], ['hòa', 'bình']]);
    expect(capitalisedRuns(TEXTS[4]!, ['doctor', 'who'])).toEqual([['doctor', 'who'], ['doctor', 'who']]);
    expect(capitalisedRuns(TEXTS[4]!, ['phone'])).toEqual([['phone']]);
  });
  it('agrees with tokenize() on every run of syllables of each text', () => {
    let compared = 0;
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      for (let i = 0; i < tokens.length; i++) {
        for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
          const folded = tokens.slice(i, i + n).map((t) => t.folded);
          const runs = capitalisedRuns(text, folded);
          if (runs === null) continue;
          expect(runs, `${folded.join(' ')} in ${text}`).toEqual(byTokens(text, folded));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
  it('declines what it cannot read the same way: syllables other than letters, astral characters', () => {
    expect(capitalisedRuns('Mã A1 và B2', ['a1'])).toBeNull();
    expect(capitalisedRuns('Hà Nội 😀', ['ha', 'noi'])).toBeNull();
    expect(capitalisedRuns('Hà Nội', [])).toBeNull();
  });
});
