/**
 * review10: a numeral in words that is a session's number ("lần thứ mười một khóa mười ba"), a span of
 * time ("hai mươi năm qua") or a share ("một trăm phần trăm") is no count of the unit asked (the digits
 * "lần thứ 11 khóa 13" were never one either). Reports invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { chatAnswer } from '../helpers/conversations.js';

const report = (place: string, day: number, line: string) =>
  ['---', `title: Huyện ủy ${place} tổ chức hội nghị`, `date: 2024-12-${day}`, '---', `Chiều ${day}/12/2024, Huyện ủy ${place} tổ chức hội nghị.`, '', line].join('\n');

const engine = useCorpusEngine({
  'ky-anh.txt': report('Kỳ Anh', 18, 'Hội nghị Ban Chấp hành Đảng bộ huyện Kỳ Anh lần thứ mười một khóa mười ba bàn về công tác phát triển đảng viên.'),
  'can-loc.txt': report('Can Lộc', 19, 'Hai mươi năm qua, Đảng bộ huyện Can Lộc luôn quan tâm phát triển đảng viên.'),
  'huong-khe.txt': report('Hương Khê', 20, 'Hội nghị biểu quyết thông qua nghị quyết với một trăm phần trăm đại biểu tán thành.'),
  'duc-tho.txt': report('Đức Thọ', 21, 'Năm 2024, Đảng bộ huyện Đức Thọ kết nạp ba mươi lăm đảng viên mới.'),
});

describe('a numeral in words that counts nothing asked', () => {
  it('gives no confident answer', async () => {
    for (const q of ['Kỳ Anh có bao nhiêu đảng viên?', 'Can Lộc có bao nhiêu đảng viên?', 'Có bao nhiêu đại biểu tán thành nghị quyết ở Hương Khê?']) {
      const a = await chatAnswer(engine(), [q]);
      expect(a.confidence, q).not.toBe('high');
    }
  });

  it('a count in words still answers', async () => {
    const a = await chatAnswer(engine(), ['Đức Thọ kết nạp bao nhiêu đảng viên mới?']);
    expect(a.confidence).toBe('high');
    expect(a.results[0]!.quote).toContain('ba mươi lăm đảng viên');
  });
});
