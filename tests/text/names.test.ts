import { describe, expect, it } from 'vitest';
import { isTitleCase } from '../../src/text/names.js';

const titleCase = (text: string) => isTitleCase(text.match(/[\p{L}\p{N}]+/gu) ?? []);

describe('Title Case, one rule for both languages', () => {
  it('is told by the words after the first that are no name (function and office words), not by the names', () => {
    expect(titleCase('Bí Thư Thành Ủy Hải Phòng Là Ai?')).toBe(true);
    expect(titleCase('HÀ NỘI CÓ BAO NHIÊU ĐẢNG VIÊN?')).toBe(true);
    expect(titleCase('How Many Party Members Does Quang Nam Have?')).toBe(true);
    // Names are capitalised in any case: many of them make no Title Case.
    expect(titleCase('Bí thư Thành ủy Huế Phan Thiên Định phát biểu gì?')).toBe(false);
    expect(titleCase('Chủ tịch HĐND TPHCM Nguyễn Thị Lệ yêu cầu gì?')).toBe(false);
    expect(titleCase('What did Nguyen Thi Le ask of the Party committees?')).toBe(false);
    // Too few such words to tell.
    expect(titleCase('Nguyễn Văn An?')).toBe(false);
  });

});
