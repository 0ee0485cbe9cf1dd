/**
 * "Hải Phòng có 5000 đảng viên phải không?": a figure to check is asked as the count, so the report's own
 * figure is quoted for the user to compare, instead of passages that merely share the words.
 */
import { describe, expect, it } from 'vitest';
import { useSeedEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const seedEngine = useSeedEngine();
const ask = (q: string) => chatAnswer(seedEngine(), [q]);

describe('a figure to check is asked as the count it states', () => {
  it('quotes the report\'s own figure, whatever the figure typed, with or without marks', async () => {
    for (const q of ['Hải Phòng có 5000 đảng viên phải không?', 'Đảng bộ Khối các cơ quan Hải Phòng có 4.466 đảng viên đúng không?', 'hai phong co 5000 dang vien phai khong']) {
      const a = await ask(q);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('4.466 đảng viên');
      expect(a.interpreted, q).toMatch(/bao nhi[eê]u (?:đảng viên|dang vien)\?$/u);
    }
    const admitted = await ask('Hải Phòng kết nạp 700 đảng viên từ đầu nhiệm kỳ không?');
    expect(admitted.interpreted).toBe('Hải Phòng kết nạp bao nhiêu đảng viên từ đầu nhiệm kỳ?');
  });

  it('leaves a year, and a question with its own question word, as typed', async () => {
    expect((await ask('Hội nghị tổ chức năm 2024 phải không?')).interpreted).not.toContain('bao nhiêu');
    expect((await ask('Trong 10 năm qua có gì thay đổi không?')).interpreted).not.toContain('bao nhiêu');
    expect((await ask('Có bao nhiêu đảng viên trong 62 tổ chức cơ sở đảng không?')).interpreted).not.toMatch(/bao nhiêu.*bao nhiêu/u);
  });
});
