import { describe, expect, it } from 'vitest';
import { answerSpans, highlightSpans, pickQuote } from '../../src/answer/quote.js';
import { analyzeQuery } from '../../src/search/analyse.js';

const PARA =
  'Báo cáo tại cuộc làm việc, đồng chí Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố cho biết, Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng trực thuộc; 442 chi bộ và 10 đảng bộ bộ phận trực thuộc đảng bộ cơ sở, với 4.466 đảng viên. Từ đầu nhiệm kỳ 2020-2025 đến nay, Đảng ủy Khối và các tổ chức đảng thuộc Khối đoàn kết, thống nhất cao. Nổi bật, kết nạp 653 quần chúng ưu tú vào đảng, đạt 81,63% so với chỉ tiêu đề ra; 100% số chi bộ duy trì nền nếp sinh hoạt. Hằng năm, có hơn 95% tổ chức cơ sở Đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.';

const idfLike = (t: string) => (/\d/.test(t) ? 3 : t.includes('_') ? 2 : 1);

describe('pickQuote', () => {
  it('quotes the sentence that answers, verbatim', () => {
    const q = analyzeQuery('Từ đầu nhiệm kỳ đã kết nạp bao nhiêu quần chúng ưu tú vào Đảng?');
    const quote = pickQuote(PARA, q, idfLike);
    expect(PARA.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.text).toContain('kết nạp 653 quần chúng ưu tú');
    expect(quote.text).not.toContain('Báo cáo tại cuộc làm việc');
  });

  it('never quotes more than three sentences', () => {
    const q = analyzeQuery('đảng viên tổ chức cơ sở đảng chi bộ kết nạp đánh giá nhiệm kỳ');
    const quote = pickQuote(PARA, q, idfLike);
    const sentences = quote.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it('takes the next sentence along when the best one is a short lead-in', () => {
    const para = 'Cụ thể như sau. Hội nghị thống nhất giao chỉ tiêu kết nạp 120 đảng viên mới trong năm 2025 cho các chi bộ trực thuộc.';
    const quote = pickQuote(para, analyzeQuery('cụ thể'), idfLike);
    expect(quote.text).toBe(para);
  });

  it("highlights the quote as tokenising it afresh does (its tokens are its sentences' as retrieval kept them)", () => {
    const questions = ['đảng viên tổ chức cơ sở đảng chi bộ kết nạp đánh giá nhiệm kỳ', 'dang bo khoi co bao nhieu dang vien', 'Phạm Quang Hiển là ai?', '81,63% chỉ tiêu'];
    for (const question of questions) {
      const q = analyzeQuery(question);
      const quote = pickQuote(PARA, q, idfLike);
      expect(quote.highlights).toEqual(highlightSpans(quote.text, q));
    }
  });

  it('returns the whole text when it has no sentence boundary', () => {
    const quote = pickQuote('với 4.466 đảng viên', analyzeQuery('đảng viên'), idfLike);
    expect(quote.text).toBe('với 4.466 đảng viên');
  });
});

describe('highlightSpans', () => {
  it('marks the question words, merging neighbours into one span', () => {
    const text = 'Đảng bộ có 62 tổ chức cơ sở đảng, với 4.466 đảng viên.';
    const spans = highlightSpans(text, analyzeQuery('Đảng bộ có bao nhiêu đảng viên?'));
    const marked = spans.map(([s, e]) => text.slice(s, e));
    expect(marked).toContain('Đảng bộ');
    expect(marked).toContain('đảng viên');
    expect(marked).not.toContain('có'); // glue words are not highlighted
  });

  it('highlights accented words for an unaccented question', () => {
    const text = 'Bí thư Thành ủy Huế Phan Thiên Định trao Giấy khen.';
    const marked = highlightSpans(text, analyzeQuery('bi thu thanh uy hue la ai')).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(['Bí thư Thành ủy Huế']);
  });

  it('matches numbers whatever their notation', () => {
    const text = 'với 4.466 đảng viên';
    const marked = highlightSpans(text, analyzeQuery('4466')).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(['4.466']);
  });
});

describe('wantsMany', () => {
  it('recognises list questions in Vietnamese, with or without diacritics, and in English', async () => {
    const { wantsMany } = await import('../../src/answer/compose.js');
    for (const q of ['Liệt kê các nghị quyết được nhắc tới', 'kể tất cả đại biểu dự hội nghị', 'toan bo chi tieu', 'list all resolutions']) {
      expect(wantsMany(analyzeQuery(q)), q).toBe(true);
    }
    for (const q of ['Tổng kết công tác năm 2020', 'Ai chủ trì hội nghị?', 'tất thảy']) expect(wantsMany(analyzeQuery(q)), q).toBe(false);
  });
});

describe('the answer of a counting question', () => {
  const marked = (text: string, question: string) => answerSpans(text, analyzeQuery(question)).map(([s, e]) => text.slice(s, e));

  it('marks the number of what is asked, ranges and magnitudes included, and stops at the unit', () => {
    expect(marked('có 62 tổ chức cơ sở đảng; 442 chi bộ và 10 đảng bộ bộ phận', 'có bao nhiêu chi bộ?')).toEqual(['442 chi bộ']);
    expect(marked('phấn đấu kết nạp 6-10 đảng viên mới', 'kết nạp bao nhiêu đảng viên?')).toEqual(['6-10 đảng viên']);
    expect(marked('Amazon hấp thụ 1,5 tỷ tấn cacbon dioxit', 'hấp thụ bao nhiêu tấn cacbon?')).toEqual(['1,5 tỷ tấn cacbon']);
  });

  it('marks the count whose unit the report capitalises ("3 Chi bộ hoàn thành xuất sắc nhiệm vụ")', () => {
    const text = 'Năm 2020, Đảng bộ cơ quan chính quyền TP Huế có 3 Chi bộ hoàn thành xuất sắc nhiệm vụ, 25 Đảng viên hoàn thành xuất sắc nhiệm vụ.';
    expect(marked(text, 'Huế có bao nhiêu chi bộ hoàn thành xuất sắc nhiệm vụ?')).toEqual(['3 Chi bộ']);
    expect(marked(text, 'Huế có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?')).toEqual(['25 Đảng viên']);
  });

  it('of several counts of the unit, marks the one the question qualifies ("… đảng viên hoàn thành xuất sắc nhiệm vụ")', () => {
    const text = 'Trong tổng số 3.120 đảng viên được đánh giá có 2.870 đảng viên hoàn thành tốt nhiệm vụ trở lên, trong đó có 540 đảng viên hoàn thành xuất sắc nhiệm vụ, 12 đảng viên không hoàn thành nhiệm vụ.';
    expect(marked(text, 'Năm 2024 Hà Giang có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?')).toEqual(['540 đảng viên']);
    expect(marked(text, 'có bao nhiêu đảng viên không hoàn thành nhiệm vụ?')).toEqual(['12 đảng viên']);
    // Nothing said of which: every count of the unit, as before.
    expect(marked(text, 'Hà Giang có bao nhiêu đảng viên?')).toEqual(['3.120 đảng viên', '2.870 đảng viên', '540 đảng viên', '12 đảng viên']);
  });

  it('marks no other measure as the answer, but any count where any count answers ("bao nhiêu người")', () => {
    expect(marked('Nghị quyết Đại hội 6 Đảng bộ Khối; kết quả 9 tháng năm 2024', 'có bao nhiêu chi bộ?')).toEqual([]);
    expect(marked('Ca mổ do 6 y bác sĩ thực hiện trong 16-10', 'có bao nhiêu người mổ?')).toEqual(['6 y bác']);
  });
});

describe('the answer of a "who" question', () => {
  const marked = (text: string, question: string) => answerSpans(text, analyzeQuery(question)).map(([s, e]) => text.slice(s, e));
  const ATTENDEES =
    'Dự Hội nghị các đồng chí Nguyễn Đức Trung – Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Nguyễn Nam Đình – Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy Khối Các cơ quan tỉnh; Cao Thị Hiền – Phó Chủ tịch HĐND tỉnh.';

  it('marks the name whose entry holds the office asked, not every name of the list', () => {
    expect(marked(ATTENDEES, 'Phó Chủ tịch HĐND tỉnh Nghệ An là ai?')).toEqual(['Cao Thị Hiền']);
    expect(marked(ATTENDEES, 'Chủ tịch UBND tỉnh Nghệ An là ai?')).toEqual(['đồng chí Nguyễn Đức Trung']);
  });

  it('marks the whole name, not the place or office capitalised before it ("Bí thư Thành ủy Huế Phan Thiên Định")', () => {
    const caption = 'Bí thư Thành ủy Huế Phan Thiên Định trao Giấy khen cho các Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2020';
    expect(marked(caption, 'Bí thư Thành ủy Huế là ai?')).toEqual(['Phan Thiên Định']);
    expect(marked('Giám đốc Học viện cán bộ TPHCM Nguyễn Tấn Phát phát biểu tại hội nghị.', 'Giám đốc Học viện cán bộ TPHCM là ai?')).toEqual(['Nguyễn Tấn Phát']);
  });

  it('marks every name when the question names no office', () => {
    expect(marked(ATTENDEES, 'Ai dự hội nghị?')).toHaveLength(3);
  });
});
