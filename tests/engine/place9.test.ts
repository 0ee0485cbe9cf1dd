/**
 * place9: places, names and citations a newsroom would notice, over two district reports written for the
 * tests (Đồng Văn and Yên Minh: districts the gazetteer does not hold, their names spelt with office words).
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/analyse.js';
import { findConstraints } from '../../src/search/entities.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { DONG_VAN } from '../helpers/district-reports.js';
import { chatAnswer } from '../helpers/conversations.js';

const YEN_MINH = [
  '---',
  'title: Huyện ủy Yên Minh tổng kết công tác năm 2024',
  'date: 2024-12-20',
  '---',
  'Chiều 20/12/2024, Ban Chấp hành Đảng bộ huyện Yên Minh khóa XXIII tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024.',
  '',
  'Đồng chí Sùng Mí Páo, Bí thư Huyện ủy chủ trì hội nghị.',
  '',
  'Năm 2024, Đảng bộ huyện Yên Minh kết nạp 150 đảng viên mới.',
].join('\n');

const DAN_VAN = [
  '---',
  'title: Đảng ủy Khối Dân vận TPHCM tổ chức hội nghị lần thứ 5',
  'date: 2024-10-15',
  '---',
  'Chiều 15-10, Đảng ủy Khối Dân vận TPHCM tổ chức hội nghị lần thứ 5 khóa II.',
  '',
  'Hội nghị quán triệt việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong toàn Đảng bộ khối.',
].join('\n');

const engine = useCorpusEngine({ 'dong-van-2025.txt': DONG_VAN, 'yen-minh-2024.txt': YEN_MINH, 'dan-van-2024.txt': DAN_VAN });
const chat = (...messages: string[]) => chatAnswer(engine(), messages);
const labels = (q: string) => findConstraints(analyzeQuery(q)).map((c) => `${c.kind}:${c.label}`);

describe('a district the gazetteer lacks, opening the question', () => {
  it('is read as a name, whatever words it is spelt with', () => {
    expect(labels('Đồng Văn kết nạp bao nhiêu đảng viên năm 2024?')).toEqual(['name:Đồng Văn', 'year:2024']);
    expect(labels('Yên Minh có bao nhiêu đảng viên?')).toEqual(['name:Yên Minh']);
    expect(labels('Huyện Cẩm Xuyên kết nạp bao nhiêu đảng viên?')).toEqual(['name:Cẩm Xuyên']);
    // An office opening the question stays an office, a common word before a foreign name is not the name's.
    expect(labels('Ban Thường vụ Tỉnh ủy họp khi nào?')).toEqual([]);
    expect(labels('Sở Y tế làm gì?')).toEqual([]);
    expect(labels('Sở Văn hóa Nghệ An làm gì?')).toEqual(['place:Nghệ An']);
    expect(labels('Bộ Giáo dục có bao nhiêu chi bộ?')).toEqual([]);
    expect(labels('Người Norman đến từ đâu?')).not.toContain('name:Người Norman');
  });

  it('is not answered from another district\'s report, in Vietnamese or in English', async () => {
    for (const q of ['Đồng Văn kết nạp bao nhiêu đảng viên năm 2024?', 'How many new party members did Dong Van admit in 2024?']) {
      const a = await chat(q);
      expect(a.confidence, q).not.toBe('high');
      expect(a.results.some((r) => r.text.includes('150 đảng viên')), q).toBe(false);
    }
    const yes = await chat('Yên Minh kết nạp bao nhiêu đảng viên năm 2024?');
    expect(yes.answered).toBe(true);
    expect(yes.results[0]!.quote).toContain('150 đảng viên');
  });
});

describe('a short sentence of a typed report', () => {
  it('is quoted as the report\'s text, not as a photo caption', async () => {
    const a = await chat('Ai chủ trì hội nghị tổng kết ở Yên Minh?');
    expect(a.answered).toBe(true);
    const r = a.results.find((x) => x.quote.includes('Sùng Mí Páo'));
    expect(r).toBeDefined();
    expect(r!.kind ?? 'paragraph').toBe('paragraph');
  });
});

describe('a comparison the reports answer for one side only', () => {
  it('quotes the answered side as an answer and says which side is unsure, instead of "no sure answer" for both', async () => {
    const { makeTestEngine } = await import('../helpers/test-engine.js');
    const { renderAnswerPlain } = await import('../../src/present/render.js');
    const { converse } = await import('../../src/engine/chat.js');
    const seeds = await makeTestEngine();
    try {
      const a = (await converse(seeds, 'So sánh số chi bộ của Đảng bộ Khối các cơ quan tỉnh Nghệ An và Đảng bộ Khối các cơ quan thành phố Hải Phòng', null)).answer;
      expect(a.confidence).toBe('high');
      expect(a.notices).toContainEqual({ kind: 'unsure-side', side: 'Đảng bộ Khối các cơ quan tỉnh Nghệ An' });
      const shown = renderAnswerPlain(a, 'vi');
      expect(shown).toContain('Lưu ý: các báo cáo chưa nêu rõ điều này cho Đảng bộ Khối các cơ quan tỉnh Nghệ An');
      expect(shown).toContain('442 chi bộ');
      expect(shown).not.toContain('Chưa có câu trả lời chắc chắn');
      // A side with no passage at all stays a refusal for that side, and no sure answer (as before).
      const one = (await converse(seeds, 'Hải Phòng và Đà Nẵng có bao nhiêu đảng viên?', null)).answer;
      expect(one.confidence).not.toBe('high');
    } finally {
      await seeds.close();
    }
  }, 120_000);
});

describe('"A và B ai có nhiều X hơn?"', () => {
  it('asks how many X each place has, not "B ai" as a place', async () => {
    const { converse } = await import('../../src/engine/chat.js');
    // Read as two count questions, one per place (the reports of this test name neither: both missing).
    const a = (await converse(engine(), 'Nghệ An và Hà Tĩnh ai có nhiều chi bộ hơn?', null)).answer;
    expect(a.interpreted).toBe('Nghệ An có bao nhiêu chi bộ; Hà Tĩnh có bao nhiêu chi bộ');
    const { whichSides } = await import('../../src/engine/chat.js');
    expect(whichSides('Nghệ An và Hà Tĩnh ai có nhiều chi bộ hơn?')).toEqual({ measure: 'số chi bộ', sides: ['Nghệ An', 'Hà Tĩnh'] });
    expect(whichSides('Hải Phòng với Huế, bên nào có ít đảng viên hơn?')).toEqual({ measure: 'số đảng viên', sides: ['Hải Phòng', 'Huế'] });
    // Not two places: not this reading.
    expect(whichSides('Nguyễn Văn A và Trần Văn B ai có nhiều phiếu hơn?')).toBeNull();
  });
});

describe('a district the seeds do not cover, opening the question', () => {
  it('"Cẩm Xuyên có bao nhiêu đảng viên?" says the reports do not name it, with no other place\'s figure', async () => {
    const { makeTestEngine } = await import('../helpers/test-engine.js');
    const { renderAnswerPlain } = await import('../../src/present/render.js');
    const { converse } = await import('../../src/engine/chat.js');
    const seeds = await makeTestEngine();
    try {
      const a = (await converse(seeds, 'Cẩm Xuyên có bao nhiêu đảng viên?', null)).answer;
      expect(a.confidence).toBe('none');
      expect(a.missing).toEqual(['Cẩm Xuyên']);
      const shown = renderAnswerPlain(a, 'vi');
      expect(shown).toContain('Các báo cáo hiện có không nhắc đến Cẩm Xuyên.');
      // Titles of the nearest reports at most: no quoted count of another place's members.
      expect(shown).not.toMatch(/\d[\d.]* (?:đảng viên|tổ chức)/u);
    } finally {
      await seeds.close();
    }
  }, 120_000);
});

describe('a word after a place\'s name is read as typed, not fixed into the word a report writes after it', () => {
  it('"Yên Minh hóa giải …" is no "Yên Minh khóa" (the report writes "Yên Minh khóa XXIII")', async () => {
    const a = await chat('Yên Minh hóa giải khó khăn thế nào?');
    expect(a.interpreted).not.toContain('khóa');
  });
});

describe('where a meeting was held, when the report does not say', () => {
  it('is not answered by a sentence on "tư tưởng Hồ Chí Minh" (the person, not the city)', async () => {
    const a = await chat('Hội nghị lần thứ 5 của Đảng ủy Khối Dân vận TPHCM diễn ra khi nào?', 'hội nghị đó diễn ra ở đâu?');
    expect(a.confidence).not.toBe('high');
    // The report's other facts still answer.
    expect((await chat('Hội nghị lần thứ 5 của Đảng ủy Khối Dân vận TPHCM diễn ra khi nào?')).results[0]!.quote).toContain('Chiều 15-10');
  });
});
