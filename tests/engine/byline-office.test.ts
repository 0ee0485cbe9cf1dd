/** review12a: a name the byline's office writes ("Trường Chính trị Lê Duẩn") is not the report's author. */
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/engine/chat.js';
import { useCorpus } from '../helpers/index-fixture.js';

const corpus = useCorpus({
  'cam-lo.txt': [
    'CAM LỘ NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ',
    '',
    'Ngày 15/12/2024, Huyện ủy Cam Lộ tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.',
    '',
    'Toàn Đảng bộ huyện có 3.150 đảng viên sinh hoạt tại 42 tổ chức cơ sở đảng; trong năm kết nạp 96 đảng viên mới./.',
    '',
    'Nguyễn Hải - Giảng viên Trường Chính trị Lê Duẩn',
  ].join('\n'),
  'gio-linh.txt': ['GIO LINH TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG', '', 'Ngày 20/12/2024, Huyện ủy Gio Linh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', '', 'Đảng bộ huyện Gio Linh có 4.020 đảng viên.'].join('\n'),
});

describe('a byline office names no author', () => {
  it.each(['Đồng chí Lê Duẩn là ai?', 'bài của đồng chí Lê Duẩn'])('%s is not answered by Nguyễn Hải\'s report', async (q) => {
    const { answer } = await converse(corpus.engine(), q, null);
    expect(answer.answered).toBe(false);
    expect(answer.missing).toContain('Lê Duẩn');
  });

  it('still answers the author signed in that byline', async () => {
    const { answer } = await converse(corpus.engine(), 'bài của ông Nguyễn Hải', null);
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.article.title).toMatch(/CAM LỘ/);
  });
});

describe('a question about what a signed report says', () => {
  it('is not answered by the byline when the report does not say it', async () => {
    const { answer } = await converse(corpus.engine(), 'Bài của ông Nguyễn Hải nói gì về chuyển đổi số?', null);
    expect(answer.answered).toBe(false);
    expect(answer.confidence).not.toBe('high');
  });
  it('"bài của ông Nguyễn Hải" and "Nguyễn Hải giữ chức vụ gì?" are still the byline\'s', async () => {
    for (const q of ['bài của ông Nguyễn Hải', 'Nguyễn Hải giữ chức vụ gì?', 'ông Nguyễn Hải là ai vậy bot?']) {
      const { answer } = await converse(corpus.engine(), q, null);
      expect(answer.answered, q).toBe(true);
    }
  });
});
