import { describe, expect, it } from 'vitest';
import { isWellFormedSyllable } from '../../src/text/syllable.js';

describe('isWellFormedSyllable', () => {
  it('accepts syllables of every shape, tones and hats included', () => {
    for (const s of ['được', 'nghiêng', 'người', 'khuya', 'gì', 'giữa', 'quyết', 'trường', 'thuở', 'tên', 'ăn', 'ưa', 'khoẻ', 'huế', 'của', 'thuý', 'thúy', 'hoà', 'rượu', 'quý']) expect(isWellFormedSyllable(s), s).toBe(true);
  });

  it('rejects what a dropped or swapped letter leaves: an open "â"/"ă"/"iê"/"ươ", a stray cluster or vowel group, no vowel, a misspelling, a tone on an off-glide', () => {
    for (const s of ['đượ', 'cậ', 'ngắ', 'biế', 'ktẹ', 'đưcợ', 'qả', 'qu', 'ph', 'srcoma', 'đaứ', 'nya', 'ngiêm', 'kác', 'caủ']) expect(isWellFormedSyllable(s), s).toBe(false);
  });
});
