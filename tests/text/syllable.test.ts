import { describe, expect, it } from 'vitest';
import { isWellFormedSyllable } from '../../src/text/syllable.js';

describe('isWellFormedSyllable', () => {
  it('accepts syllables of every shape, tones and hats included', () => {
    for (const s of ['được', 'nghiêng', 'người', 'khuya', 'gì', 'giữa', 'quyết', 'trường', 'thuở', 'tên', 'ăn', 'ưa', 'khoẻ', 'huế']) expect(isWellFormedSyllable(s), s).toBe(true);
  });

  it('rejects what a dropped or swapped letter leaves: an open "â"/"ă"/"iê"/"ươ", a stray cluster, no vowel', () => {
    for (const s of ['đượ', 'cậ', 'ngắ', 'biế', 'ktẹ', 'đưcợ', 'qả', 'qu', 'ph', 'srcoma']) expect(isWellFormedSyllable(s), s).toBe(false);
  });
});
