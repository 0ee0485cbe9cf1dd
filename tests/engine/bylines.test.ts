/**
 * trust11: a byline's author and office ("Lê Văn Tám - Phó Bí thư Thường trực Huyện ủy Cam Lộ" at the end of a
 * report) are kept with the article: the person's name is no name "the reports do not state", and who they are,
 * their office and their reports are answered from the byline.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/engine/chat.js';
import { factLines } from '../../src/present/messages.js';
import { useCorpus } from '../helpers/index-fixture.js';

const BYLINE = 'Lê Văn Tám - Phó Bí thư Thường trực Huyện ủy Cam Lộ';

const corpus = useCorpus({
  'cam-lo.txt': [
    'CAM LỘ NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ',
    '',
    'Năm 2024, Đảng bộ huyện Cam Lộ tập trung nâng cao chất lượng sinh hoạt chi bộ, gắn với thực hiện nhiệm vụ chính trị của địa phương.',
    '',
    'Toàn Đảng bộ huyện có 3.150 đảng viên sinh hoạt tại 42 tổ chức cơ sở đảng; trong năm kết nạp 96 đảng viên mới./.',
    '',
    BYLINE,
  ].join('\n'),
  'gio-linh.txt': ['GIO LINH TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG', '', 'Ngày 20/12/2024, Huyện ủy Gio Linh tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.', '', 'Đảng bộ huyện Gio Linh có 4.020 đảng viên.'].join('\n'),
});

const factsOf = (a: { facts?: Parameters<typeof factLines>[0] }) => (a.facts ? factLines(a.facts, 'vi').join('\n') : '');

describe('a byline kept with its article', () => {
  it('stores the byline, author and office, in the article table', () => {
    const art = corpus.index().articles.find((a) => a.file === 'cam-lo.txt')!;
    expect(art.author).toBe('Lê Văn Tám');
    expect(art.byline).toBe(BYLINE);
    expect(corpus.engine().articles().find((a) => a.id === art.id)?.byline).toBe(BYLINE);
  });

  it('answers "bài của ông …" with the reports the person signed, not as a name no report states', async () => {
    const { answer } = await converse(corpus.engine(), 'bài của ông Lê Văn Tám', null);
    expect(answer.missing).toEqual([]);
    expect(answer.confidence).toBe('high');
    expect(factsOf(answer)).toContain(BYLINE);
    expect(answer.results[0]!.article.title).toMatch(/CAM LỘ/);
  });

  it('answers the office of a person named only in a byline, also as a follow-up', async () => {
    const { answer } = await converse(corpus.engine(), 'Lê Văn Tám giữ chức vụ gì?', null);
    expect(answer.answered).toBe(true);
    expect(factsOf(answer)).toContain('Phó Bí thư Thường trực Huyện ủy Cam Lộ');
    const first = await converse(corpus.engine(), 'ai viết bài về Cam Lộ?', null);
    expect(factsOf(first.answer)).toContain(BYLINE);
    const next = await converse(corpus.engine(), 'người đó giữ chức vụ gì?', first.turn);
    expect(next.answer.interpreted).toContain('Lê Văn Tám');
    expect(factsOf(next.answer)).toContain('Phó Bí thư Thường trực Huyện ủy Cam Lộ');
  });

  it('lets the byline satisfy a name a question about the report adds', async () => {
    const a = await corpus.engine().ask('Đảng bộ huyện Cam Lộ trong bài của Lê Văn Tám có bao nhiêu đảng viên?');
    expect(a.missing).toEqual([]);
    expect(a.results[0]?.quote).toContain('3.150');
  });

  it('still refuses a person no report names nor signs', async () => {
    const { answer } = await converse(corpus.engine(), 'bài của ông Trần Văn Bảy', null);
    expect(answer.confidence).not.toBe('high');
    expect(answer.missing).toContain('Trần Văn Bảy');
  });
});
