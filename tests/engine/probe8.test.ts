/**
 * probe8: a newsroom's and a Party office's conversations over reports written for the tests (two years of
 * Quảng Ngãi, one of Bắc Giang). Each case failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { converse, readFilters } from '../../src/engine/chat.js';
import { readFollowUp, turnOf, type TurnContext } from '../../src/engine/conversation.js';
import { renderAnswerHtml, renderAnswerPlain } from '../../src/present/render.js';
import { useCorpusEngine } from '../helpers/index-fixture.js';
import { QUANG_NGAI_REPORTS } from '../helpers/quang-ngai.js';
import { chatAnswer } from '../helpers/conversations.js';

/** A report of another body with a list of people awarded (invented), beside the Quảng Ngãi and Bắc Giang ones. */
const HA_GIANG = [
  '---',
  'title: Đảng ủy Khối các cơ quan tỉnh Hà Giang tổng kết công tác năm 2024',
  'date: 2024-12-18',
  'source: HGĐT',
  '---',
  'Chiều 18/12/2024, tại Hội trường Tỉnh ủy, Đảng ủy Khối các cơ quan tỉnh Hà Giang tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024 và triển khai Nghị quyết số 05-NQ/ĐUK về nhiệm vụ năm 2025.',
  '',
  'Dự hội nghị có các đồng chí Trần Quốc Bảo, Phó Bí thư Tỉnh ủy; Vũ Thị Mai, Trưởng Ban Tổ chức Tỉnh ủy.',
  '',
  'Năm 2024, Đảng bộ Khối kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu, tăng 12% so với năm 2023. Chỉ tiêu năm 2025 là kết nạp 220 đảng viên mới.',
  '',
  'Tại hội nghị, đồng chí Trần Quốc Bảo trao Bằng khen của Ban Thường vụ Tỉnh ủy cho đồng chí Nông Văn Thành, Bí thư Chi bộ Sở Tài chính, và đồng chí Lò Thị Hoa, Bí thư Chi bộ Sở Y tế.',
].join('\n');

/** A district's report (a place the gazetteer does not hold), with its author (invented). */
const DONG_VAN = [
  '---',
  'title: Huyện ủy Đồng Văn sơ kết quý I năm 2025',
  'date: 2025-03-05',
  'author: Lò Văn Tâm',
  '---',
  'Sáng 5/3/2025, Ban Thường vụ Huyện ủy Đồng Văn tổ chức hội nghị sơ kết quý I năm 2025 tại Trung tâm Chính trị huyện.',
  '',
  'Quý I năm 2025, Đảng bộ huyện kết nạp 48 đảng viên mới, đạt 24% chỉ tiêu năm.',
].join('\n');

const engine = useCorpusEngine({ ...QUANG_NGAI_REPORTS, 'ha-giang-2024.txt': HA_GIANG, 'dong-van-2025.txt': DONG_VAN });

/** The messages of one chat, in turn; the last turn's answer. */
const chat = (...messages: string[]) => chatAnswer(engine(), messages);

const turn = (q: string) => turnOf(q, { chunkIds: [], articleIds: [], quotes: [] });

describe('a relative year asked in English counts from the chat\'s year, as "còn năm ngoái?" does', () => {
  it('"what about last year?", "and the year before?", "and next year?"', () => {
    const vi = turn('Quảng Ngãi có bao nhiêu đảng viên năm 2024?');
    expect(readFollowUp('what about last year?', vi).question).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2023?');
    expect(readFollowUp('and the year before?', vi).question).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2023?');
    expect(readFollowUp('what about the previous year?', vi).question).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2023?');
    expect(readFollowUp('and next year?', vi).question).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2025?');
    expect(readFollowUp('and the year before last?', vi).question).toBe('Quảng Ngãi có bao nhiêu đảng viên năm 2022?');
    const en = turn('How many party members did Quang Ngai have in 2024?');
    expect(readFollowUp('what about last year?', en).question).toBe('How many party members did Quang Ngai have in 2023?');
    // No year in the chat to count from: asked as typed, as "còn năm ngoái?" is.
    expect(readFollowUp('what about last year?', turn('How many party members does Quang Ngai have?')).interpreted).toBeNull();
  });

  it('is answered from the year before\'s report', async () => {
    for (const follow of ['what about last year?', 'and the year before?']) {
      const a = await chat('How many party members did Quang Ngai have in 2024?', follow);
      expect(a.answered, follow).toBe(true);
      expect(a.results[0]!.quote, follow).toContain('110.900');
    }
  });
});

describe('a comparison asked in English is shown read in English', () => {
  it('"Read as" names the two questions asked, in English, not their Vietnamese search words', async () => {
    const a = await chat('Compare the number of party members of Quang Ngai and Bac Giang');
    expect(a.answered).toBe(true);
    expect(a.interpreted).toBe('How many party members in Quang Ngai?; How many party members in Bac Giang?');
    // Asked in Vietnamese, read in Vietnamese as before.
    expect((await chat('so sánh số đảng viên Quảng Ngãi và Bắc Giang')).interpreted).toBe('Quảng Ngãi có bao nhiêu đảng viên; Bắc Giang có bao nhiêu đảng viên');
  });
});

describe('reloading an index that is already the newest', () => {
  it('says so (current), and a later reload after nothing changed says so again', async () => {
    const first = await engine().reload();
    expect(first).toMatchObject({ ok: true, current: true });
    expect((await engine().reload()).current).toBe(true);
  });
});

describe('"liệt kê những người …" asks who, inside one report, not for a list of reports', () => {
  it('quotes the passage that names the people awarded', async () => {
    // As a list of reports it was one line per report, each report's passage for the other words (on the
    // seeds, cv-29: a quote of the province's leader instead of the medals).
    for (const q of ['liệt kê những người được trao bằng khen năm 2024 ở Hà Giang', 'những người nào được trao bằng khen năm 2024 ở Hà Giang?']) {
      const a = await chat(q);
      expect(a.interpreted, q).toMatch(/^ai là những người được trao bằng khen năm 2024 ở Hà Giang\??$/u);
      expect(a.answered, q).toBe(true);
      expect(a.results[0]!.quote, q).toContain('Nông Văn Thành');
      // Inside one report; its paragraphs naming no one are no answer to "who" (confidence.ts, meetingRole).
      expect(new Set(a.results.map((r) => r.article.id)).size, q).toBe(1);
    }
  });

  it('keeps a question word of its own, and the people\'s words', async () => {
    expect((await chat('những người được trao bằng khen năm 2024 ở Hà Giang là ai?')).interpreted).toBe('những người được trao bằng khen năm 2024 ở Hà Giang là ai?');
    expect((await chat('liệt kê những ai dự hội nghị ở Hà Giang')).interpreted).toBe('ai dự hội nghị ở Hà Giang');
  });

  it('a list of reports stays one line per report', async () => {
    const a = await chat('liệt kê các hội nghị của tỉnh Quảng Ngãi');
    expect(new Set(a.results.map((r) => r.article.id)).size).toBe(a.results.length);
  });
});

describe('"báo X có nói … không?": the outlet narrows the search, the question inside it is what is asked', () => {
  it('reads the question inside "có nói / có nhắc đến … không", and shows the outlet in "Hiểu là"', () => {
    const articles = [{ id: 'hg', title: 't', subject: null, date: null, outlet: 'HGĐT', author: null, url: null, paragraphs: 5, chunks: 5 }];
    expect(readFilters('báo HGĐT có nói Hà Giang kết nạp bao nhiêu đảng viên mới không?', articles)).toMatchObject({
      text: 'Hà Giang kết nạp bao nhiêu đảng viên mới?',
      shown: 'báo HGĐT: Hà Giang kết nạp bao nhiêu đảng viên mới?',
      articleIds: ['hg'],
    });
    expect(readFilters('báo HGĐT có nhắc đến chỉ tiêu năm 2025 không', articles).text).toBe('chỉ tiêu năm 2025?');
    // Without an outlet "có nói … không" is the user's own question, left alone.
    expect(readFilters('đồng chí Bảo có nói gì về cải cách hành chính không?', articles)).toEqual({ text: 'đồng chí Bảo có nói gì về cải cách hành chính không?', articleIds: null, labels: [] });
  });

  it('is answered from that outlet\'s report', async () => {
    const a = await chat('báo HGĐT có nói Hà Giang kết nạp bao nhiêu đảng viên mới không?');
    expect(a.answered).toBe(true);
    expect(a.results[0]!.quote).toContain('215 đảng viên');
    expect(a.interpreted).toBe('báo HGĐT: Hà Giang kết nạp bao nhiêu đảng viên mới?');
  });
});

describe('a follow-up about an article an admin removed since', () => {
  it('says the article is no longer in the index, not that the reports do not answer', async () => {
    const first = await converse(engine(), 'Quảng Ngãi có bao nhiêu đảng viên năm 2024?', null);
    expect(first.turn.articleIds).toEqual(['quang-ngai-2024']);
    // What the chat keeps once the article is gone: its id names no article of the index any more.
    const removed: TurnContext = { ...first.turn, articleIds: ['quang-ngai-2024-removed'], person: 'Lê Văn Khoa' };
    for (const m of ['hội nghị đó do ai chủ trì?', 'ông ấy yêu cầu gì?', 'chi tiết hơn']) {
      const { answer, turn: next } = await converse(engine(), m, removed);
      expect(answer.confidence, m).toBe('none');
      expect(answer.notices.map((n) => n.kind), m).toContain('article-gone');
      expect(renderAnswerPlain(answer, 'vi'), m).toContain('không còn trong chỉ mục');
      expect(renderAnswerPlain(answer, 'vi'), m).not.toContain('không trả lời câu hỏi này');
      expect(renderAnswerHtml(answer, 'en').join('\n'), m).toContain('no longer in the index');
      // The chat no longer points at it.
      expect(next.articleIds, m).toEqual([]);
    }
    // A follow-up that names its own subject is asked as usual.
    expect((await converse(engine(), 'còn năm 2023?', removed)).answer.answered).toBe(true);
  });
});

describe('a year a figure is compared with is not the figure\'s year', () => {
  it('"kết nạp bao nhiêu đảng viên năm 2023?" is not answered with 2024\'s figure "tăng 12% so với năm 2023"', async () => {
    for (const q of ['Hà Giang kết nạp bao nhiêu đảng viên mới năm 2023?', 'Đảng bộ Khối các cơ quan tỉnh Hà Giang kết nạp bao nhiêu đảng viên năm 2023?']) {
      const a = await chat(q);
      expect(a.answered, q).toBe(false);
      expect(a.results.map((r) => r.quote).join(' '), q).not.toContain('215');
    }
    // Its own year is still its year.
    const own = await chat('Hà Giang kết nạp bao nhiêu đảng viên mới năm 2024?');
    expect(own.answered).toBe(true);
    expect(own.results[0]!.quote).toContain('215 đảng viên');
  });

  it('in English too: "and the year before?" after 2024', async () => {
    const a = await chat('How many new party members did Ha Giang admit in 2024?', 'and the year before?');
    expect(a.answered).toBe(false);
  });
});

describe('"còn X?" with a place the gazetteer does not know (a district: "Đồng Văn", "Yên Minh")', () => {
  it('asks the last question of X, instead of "X ?" alone', () => {
    expect(readFollowUp('còn Đồng Văn?', turn('ai phát biểu chỉ đạo hội nghị?')).question).toBe('ai phát biểu chỉ đạo hội nghị ở Đồng Văn?');
    // An unknown place typed after "ở", "huyện" … in the last question is the one replaced.
    expect(readFollowUp('thế còn Đồng Văn thì sao?', turn('ai chủ trì hội nghị ở Yên Minh?')).question).toBe('ai chủ trì hội nghị ở Đồng Văn?');
    expect(readFollowUp('còn Đồng Văn?', turn('Đảng bộ huyện Yên Minh có bao nhiêu đảng viên?')).question).toBe('Đảng bộ huyện Đồng Văn có bao nhiêu đảng viên?');
    expect(readFollowUp('what about Dong Van?', turn('who gave the directing speech?')).question).toBe('who gave the directing speech in Dong Van?');
    // Lower case is a measure, not a place ("thế còn đảng viên?"), as before.
    expect(readFollowUp('thế còn đảng viên?', turn('Đảng bộ huyện Yên Minh có bao nhiêu chi bộ?')).question).toBe('Đảng bộ huyện Yên Minh có bao nhiêu đảng viên?');
  });
});

describe('report facts about a place the gazetteer does not know', () => {
  it('"ai viết bài về Đồng Văn?" finds the report by its title and names its author', async () => {
    const a = await chat('ai viết bài về Đồng Văn?');
    expect(a.answered).toBe(true);
    expect(a.facts?.articles.map((x) => x.author)).toEqual(['Lò Văn Tâm']);
    // A name no title holds is still refused.
    expect((await chat('ai viết bài về Mèo Vạc?')).answered).toBe(false);
  });
});

describe('review9: "còn Đồng Văn?" after a question about a province asks about Đồng Văn instead', () => {
  it('is never answered with the province\'s figure', async () => {
    const a = await chat('Quảng Ngãi có bao nhiêu đảng viên năm 2024?', 'còn Đồng Văn?');
    expect(a.answered && a.results.some((r) => r.quote.includes('112.450'))).toBe(false);
    // In English the province gives way too; the district opening the English reading is not yet read as a place.
    expect(readFollowUp('what about Dong Van?', turn('How many party members did Quang Ngai have in 2024?')).question).toBe('How many party members did Dong Van have in 2024?');
    expect(readFollowUp('còn Đồng Văn?', turn('Quảng Ngãi có bao nhiêu đảng viên năm 2024?')).question).toBe('Ở Đồng Văn có bao nhiêu đảng viên năm 2024?');
  });
});
