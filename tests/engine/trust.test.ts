/**
 * Trustworthy answers on the seeds (keyword-only, what CI can measure): questions naming what the
 * reports do not cover are not answered with another place's figures, chatty / typo / abbreviated /
 * HTML variants of answerable questions find the right paragraph, and the three tiers hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contains, parseQuestions } from '../../src/eval/metrics.js';
import { renderAnswerPlain } from '../../src/present/render.js';
import { ROOT, useSeedEngine } from '../helpers/index-fixture.js';

const seedEngine = useSeedEngine();

const load = (name: string) => parseQuestions(readFileSync(path.join(ROOT, 'tests/fixtures/eval', name), 'utf8'), name);

describe('what the reports do not cover', () => {
  it('names the place the reports lack and points to the closest report instead of quoting its figures', async () => {
    for (const [q, place] of [
      ['Đảng bộ Khối các cơ quan tỉnh Quảng Nam có bao nhiêu đảng viên?', 'Quảng Nam'],
      ['Hà Nội có bao nhiêu đảng viên?', 'Hà Nội'],
      ['Bí thư Tỉnh ủy Đà Nẵng là ai?', 'Đà Nẵng'],
      ['ha noi co bao nhieu dang vien', 'Hà Nội'],
    ] as const) {
      const a = await seedEngine().ask(q);
      expect(a.confidence, q).toBe('none');
      expect(a.answered).toBe(false);
      expect(a.results).toEqual([]);
      expect(a.missing).toEqual([place]);
      expect(a.suggestions.length).toBeGreaterThan(0);
      expect(renderAnswerPlain(a, 'vi')).toContain(`Các báo cáo hiện có không nhắc đến ${place}.`);
    }
  });

  it('refuses most of the 53 not-covered questions (places, people, years, blocs the seeds lack)', async () => {
    const qs = load('not-covered.jsonl');
    expect(qs.length).toBeGreaterThanOrEqual(40);
    let refused = 0;
    for (const q of qs) if (!(await seedEngine().ask(q.question)).answered) refused++;
    // Measured: all 53.
    expect(refused / qs.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('questions the reports do not cover, written after the rules were fixed', () => {
  it('refuses the 20 held-out not-covered questions', async () => {
    const qs = load('not-covered-heldout.jsonl');
    let refused = 0;
    for (const q of qs) if (!(await seedEngine().ask(q.question)).answered) refused++;
    // Measured: all 20 (one, "o Bac Ninh", needed the place read with its own marks; fixed, then all).
    expect(refused / qs.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('chat language, typos, abbreviations and markup', () => {
  it('finds the right paragraph for at least 90% of the 57 variants, first in the list, and answers every one', async () => {
    const qs = load('chatty.jsonl');
    let first = 0;
    let answered = 0;
    for (const q of qs) {
      const a = await seedEngine().ask(q.question, { top: 5 });
      if (a.answered) answered++;
      if (a.answered && a.results[0] && contains(a.results[0].text, q.expect)) first++;
    }
    // Measured: 53 of 57 first (0.93), 57 of 57 answered; the misses rank the right paragraph second or third.
    expect(first / qs.length).toBeGreaterThanOrEqual(0.9);
    expect(answered / qs.length).toBeGreaterThanOrEqual(0.95);
  });

  it('answers the chatty form of a question as it answers the plain one, and shows how it read it', async () => {
    const plain = await seedEngine().ask('Đảng bộ Khối các cơ quan Hải Phòng có bao nhiêu đảng viên?');
    const chatty = await seedEngine().ask('bot ơi cho mình hỏi Đảng bộ Khối các cơ quan Hải Phòng có bao nhiu đảng viên vậy?');
    expect(chatty.answered).toBe(true);
    expect(chatty.results[0]!.chunkId).toBe(plain.results[0]!.chunkId);
    expect(chatty.interpreted).toBe('Đảng bộ Khối các cơ quan Hải Phòng có bao nhiêu đảng viên');
    expect(renderAnswerPlain(chatty, 'vi')).toContain('Hiểu là: Đảng bộ Khối các cơ quan Hải Phòng có bao nhiêu đảng viên');
  });
});

describe('a counting question is answered only by its own measure', () => {
  it('does not take another number for the count ("gần 25 tỉ đồng", "Chỉ thị 05") when the reports hold no such figure', async () => {
    // The Nghệ An report gives its number of party organisations, not of cells (chi bộ).
    const cells = await seedEngine().ask('Đảng bộ Khối các cơ quan tỉnh Nghệ An có bao nhiêu chi bộ?');
    expect(cells.answered).toBe(false);
    const organisations = await seedEngine().ask('Đảng bộ Khối các cơ quan tỉnh Nghệ An có bao nhiêu tổ chức đảng?');
    expect(organisations.answered).toBe(true);
    expect(organisations.results[0]!.quote).toContain('64 tổ chức đảng');
  });

  it('takes neither a part for the whole nor another action\'s count', async () => {
    // Nghệ An reports "xử lý kỷ luật 4 đảng viên, đình chỉ … đối với 4 đảng viên", never its member count.
    expect((await seedEngine().ask('Đảng bộ Khối các cơ quan tỉnh Nghệ An có bao nhiêu đảng viên?')).answered).toBe(false);
    // Đông Hà counts the members it assessed ("5.907 đảng viên được đánh giá"), not those it admitted.
    expect((await seedEngine().ask('Đảng bộ thành phố Đông Hà kết nạp bao nhiêu đảng viên mới trong năm 2020?')).answered).toBe(false);
    const whole = await seedEngine().ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    expect(whole.answered).toBe(true);
    expect(whole.results[0]!.quote).toContain('4.466 đảng viên');
    // Asked short, the count comes first: not the lead's "Đại hội 6 Đảng bộ" (a congress's number) nor
    // a paragraph's "kiện toàn 1 đồng chí" near "đảng viên".
    const short = await seedEngine().ask('Hải Phòng có bao nhiêu đảng viên?');
    expect(short.results[0]!.quote).toContain('4.466 đảng viên');
    // …and it is the city's Party bloc's count, not the city's: the reply says whose it is before the quote.
    expect(short.answered).toBe(true);
    expect(short.notices).toContainEqual({ kind: 'narrower-body', place: 'Hải Phòng', body: 'Đảng bộ Khối các cơ quan thành phố (Hải Phòng)' });
    const shown = renderAnswerPlain(short, 'vi');
    expect(shown.indexOf('Lưu ý: số liệu dưới đây là của Đảng bộ Khối các cơ quan thành phố (Hải Phòng); các báo cáo không nêu số liệu của toàn Hải Phòng.')).toBeGreaterThanOrEqual(0);
    expect(shown.indexOf('Lưu ý:')).toBeLessThan(shown.indexOf('4.466'));
    expect(renderAnswerPlain(short, 'en')).toContain('Note: the figure below is for Đảng bộ Khối các cơ quan thành phố (Hải Phòng); the reports give none for Hải Phòng as a whole.');
    // Asked about the bloc, its figure is the answer: nothing to say.
    expect(whole.notices.some((n) => n.kind === 'narrower-body')).toBe(false);
    const admitted = await seedEngine().ask('Đảng bộ cơ quan chính quyền TP Huế kết nạp được bao nhiêu đảng viên trong năm 2020?');
    expect(admitted.answered).toBe(true);
    expect(admitted.results[0]!.quote).toContain('07 đảng viên');
  });

  it('needs the unit as typed: "chi bộ" is not named by "chỉ tiêu … Đảng bộ" in a question typed with marks', async () => {
    const a = await seedEngine().ask('Hải Phòng có bao nhiêu chi bộ?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('442 chi bộ');
  });

  it('counts in the unit\'s abbreviation too: "tổ chức cơ sở đảng" asked, "TCCS đảng" written', async () => {
    const a = await seedEngine().ask('Co bao nhieu to chuc co so dang cua thanh pho Dong Ha hoan thanh tot nhiem vu tro len nam 2020?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('TCCS đảng');
  });

  it('answers for an award\'s class only with that class ("hạng Nhất" is not the "hạng Nhì" the report gives)', async () => {
    expect((await seedEngine().ask('Ai được trao Huân chương Lao động hạng Nhất tại hội nghị của Đảng ủy Khối Các cơ quan tỉnh Nghệ An?')).answered).toBe(false);
    const second = await seedEngine().ask('Ai được trao Huân chương Lao động hạng Nhì tại hội nghị của Đảng ủy Khối Các cơ quan tỉnh Nghệ An?');
    expect(second.answered).toBe(true);
    expect(second.results[0]!.quote).toContain('hạng Nhì');
  });

  it('reads a range, a number word and magnitude words before the unit as the count', async () => {
    const range = await seedEngine().ask('Năm 2021 Đảng bộ cơ quan chính quyền TP Huế phấn đấu kết nạp bao nhiêu đảng viên mới?');
    expect(range.answered).toBe(true);
    expect(range.results[0]!.quote).toContain('6-10 đảng viên');
  });

  it('reads "thứ mấy" as a rank, not a count', async () => {
    const a = await seedEngine().ask('Đông Hà tổ chức thành công Đại hội Đảng bộ thành phố lần thứ mấy?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('lần thứ XIII');
  });
});

describe('a "who" question about an office is answered only by its holder', () => {
  it('does not answer "Bí thư Tỉnh ủy" with the deputy ("Phó Bí thư Tỉnh ủy") nor another body\'s office', async () => {
    expect((await seedEngine().ask('Bí thư Tỉnh ủy Nghệ An là ai?')).answered).toBe(false);
    expect((await seedEngine().ask('Ai là Chủ tịch Liên đoàn Lao động TPHCM?')).answered).toBe(false);
    const holder = await seedEngine().ask('Ai là Bí thư Thành ủy Hải Phòng?');
    expect(holder.answered).toBe(true);
    expect(holder.results[0]!.quote).toContain('Lê Tiến Châu');
    const deputy = await seedEngine().ask('Ai là Phó Chủ tịch Liên đoàn Lao động TPHCM?');
    expect(deputy.answered).toBe(true);
    expect(deputy.results[0]!.quote).toContain('Trần Đoàn Trung');
  });
});

describe('three tiers', () => {
  it('high: answered, quoting the sentence', async () => {
    const a = await seedEngine().ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    expect(a.confidence).toBe('high');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('4.466 đảng viên');
  });

  it('low: passages that may be related, labelled, and not counted as answered', async () => {
    // The Huế report names a festival, not a food festival nor its date: related, not an answer.
    const a = await seedEngine().ask('Huế tổ chức lễ hội ẩm thực quốc tế khi nào?');
    expect(a.confidence).toBe('low');
    expect(a.answered).toBe(false);
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results.length).toBeLessThanOrEqual(3);
    expect(renderAnswerPlain(a, 'vi')).toContain('Chưa có câu trả lời chắc chắn. Các đoạn có thể liên quan:');
  });

  it('none: off-topic questions name the closest articles', async () => {
    const a = await seedEngine().ask('Giá vàng SJC hôm nay là bao nhiêu?');
    expect(a.confidence).toBe('none');
    expect(a.results).toEqual([]);
  });
});

describe('quotes carry the answer, marked apart from the question words', () => {
  it('underlines the number for "bao nhiêu X", the name for "ai", the day for "khi nào"; bold stays on whole question words', async () => {
    const { renderAnswerHtml } = await import('../../src/present/render.js');
    const count = await seedEngine().ask('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu chi bộ?', { top: 1 });
    const html = renderAnswerHtml(count, 'vi')[0]!;
    expect(html).toContain('<u>442 chi bộ</u>');
    expect(html).not.toContain('<u>62');
    expect(html).not.toMatch(/<b>[^<]*bộ<\/b> phận/u); // no bold piece of "bộ phận"
    const who = await seedEngine().ask('Bí thư Thành ủy Huế là ai?', { top: 1 });
    expect(renderAnswerHtml(who, 'vi')[0]).toContain('<u>đồng chí Phan Thiên Định</u>');
    const when = await seedEngine().ask('Hội nghị của Đảng ủy Khối Dân - Chính - Đảng TPHCM diễn ra khi nào?', { top: 1 });
    expect(renderAnswerHtml(when, 'vi')[0]).toContain('<u>15-10</u>');
  });

  it('never quotes the same sentence twice in one reply', async () => {
    const a = await seedEngine().ask('Đồng chí Lê Tiến Châu', { top: 10 });
    const quotes = a.results.map((r) => r.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

describe('probe 4: a place, a person or a day asked about is what the quotes state', () => {
  it('a one-syllable place that opens the question limits the answer to its reports ("Huế có …", "bot ơi Huế …")', async () => {
    for (const q of ['Huế có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?', 'bot ơi Huế năm 2020 có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ']) {
      const a = await seedEngine().ask(q);
      expect(a.confidence, q).toBe('high');
      expect(a.results[0]!.quote).toContain('25 Đảng viên hoàn thành xuất sắc nhiệm vụ');
      // No other city's figures under the answer (Đông Hà's 961, Hải Phòng's 18% to 19%).
      expect(a.results.every((r) => r.article.id === '000_2f1c6def5fbb55b7'), q).toBe(true);
    }
  });

  it('initials are the place where a question names one, else something the reports do not state ("hp", "HN", "vi khuẩn HP")', async () => {
    for (const q of ['hp co bao nhieu dang vien', 'HP có bao nhiêu chi bộ?']) {
      const a = await seedEngine().ask(q);
      expect(a.interpreted, q).toMatch(/^Hải Phòng /u);
      // The city's Party bloc's count, said to be the bloc's (answer/scope.ts).
      expect(a.confidence, q).toBe('high');
      expect(a.notices.some((n) => n.kind === 'narrower-body' && n.place === 'Hải Phòng'), q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('442 chi bộ');
      expect(a.results.every((r) => r.article.id === '004_7239dae0792dcdec'), q).toBe(true);
    }
    const hn = await seedEngine().ask('HN có bao nhiêu chi bộ?');
    expect(hn.confidence).toBe('none');
    expect(hn.missing).toEqual(['HN']);
    const hp = await seedEngine().ask('vi khuẩn HP lây qua đường nào?');
    expect(hp.interpreted).toBe('vi khuẩn HP lây qua đường nào?');
    expect(hp.confidence).toBe('none');
  });

  it('a "who" question typed without marks asks for the office it names, body and all ("bi thu dang uy khoi …" is not the Bí thư Thành ủy)', async () => {
    const a = await seedEngine().ask('ai la bi thu dang uy khoi cac co quan thanh pho hai phong');
    expect(a.confidence).toBe('high');
    expect(a.results[0]!.quote).toContain('Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố');
    // The city's Party secretary holds another office: not quoted as this one's holder.
    expect(a.results.some((r) => r.quote.includes('Lê Tiến Châu'))).toBe(false);
    // "thanh pho" holds a "pho" that is no deputy; one right before the office is.
    const deputy = await seedEngine().ask('ai la pho bi thu thuong truc thanh uy hai phong');
    expect(deputy.results[0]!.quote).toContain('Đỗ Mạnh Hiến, Phó bí thư Thường trực Thành ủy');
  });

  it('"ngày nào" is answered only by a quote that states a day; a year does not ("Năm 2021 …")', async () => {
    // The report's day is in its lead ("Chiều 14/1, …"), which this wording barely matches: related, not an answer.
    const loose = await seedEngine().ask('hội nghị của đảng ủy khối các cơ quan tỉnh nghệ an diễn ra ngày nào');
    expect(loose.confidence).not.toBe('high');
    expect(loose.results.some((r) => r.quote.includes('Chiều 14/1'))).toBe(true);
    const close = await seedEngine().ask('Đảng ủy Khối Các cơ quan tỉnh Nghệ An tổ chức hội nghị tổng kết ngày nào?');
    expect(close.confidence).toBe('high');
    expect(close.results[0]!.quote).toContain('Chiều 14/1');
    const huế = await seedEngine().ask('Hội nghị ở Huế diễn ra ngày nào?');
    expect(huế.confidence).not.toBe('high');
  });

  it('a person the reports do not name, typed in lower case, is refused by name, not answered with other words that fold alike', async () => {
    for (const [q, who] of [['nguyen van nen noi gi', 'Nguyen Van Nen'], ['nguyễn văn nên nói gì', 'Nguyễn Văn Nên']] as const) {
      const a = await seedEngine().ask(q);
      expect(a.confidence, q).toBe('none');
      expect(a.missing).toEqual([who]);
    }
    const trung = await seedEngine().ask('nguyen duc trung noi gi');
    expect(trung.confidence).toBe('high');
    expect(trung.results[0]!.quote).toContain('Nguyễn Đức Trung');
  });

  it('"who holds this office" is answered only by a quote that names someone', async () => {
    // Đông Hà's deputy secretary signs the article (a byline the cleaner keeps as its author): no paragraph names him.
    const a = await seedEngine().ask('Ai là Phó Bí thư Thường trực Thành ủy Đông Hà?');
    expect(a.confidence).not.toBe('high');
    const b = await seedEngine().ask('Ai là Phó Chủ tịch HĐND tỉnh Nghệ An?');
    expect(b.confidence).toBe('high');
    expect(b.results[0]!.quote).toContain('Cao Thị Hiền');
  });
});
