import { describe, expect, it } from 'vitest';
import { addedText, formatDate, noticeText, notRemovedText } from '../../src/present/messages.js';
import { escapeHtml, htmlToPlain, htmlVisibleLength, normalizeSpans, renderAnswerHtml, renderAnswerPlain, renderArticleHtml, renderParagraphHtml, renderSourcesHtml, renderStatusHtml } from '../../src/present/render.js';
import type { Answer, AnswerResult, ArticleRef, Span } from '../../src/answer/types.js';
import type { ArticleView } from '../../src/engine/types.js';
import { cutAtWord } from '../../src/text/normalise.js';
import { parseTelegramHtml } from '../helpers/fake-bot-api.js';

const ARTICLE: ArticleRef = {
  id: '004_7239dae0792dcdec',
  title: 'Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ',
  subject: null,
  date: { iso: '2024-10-16', raw: '07:56 16/10/2024', precision: 'day', yearMissing: false, year: 2024, month: 10, day: 16 },
  outlet: 'HPĐT',
  author: null,
  url: null,
};

function result(rank: number, quote: string, highlights: Span[] = [], article: ArticleRef = ARTICLE): AnswerResult {
  return { rank, score: 1 - rank / 100, chunkId: `c${rank}`, article, paragraph: rank, paragraphEnd: rank, text: `${quote} Tail.`, context: null, quote, highlights };
}

function answer(results: AnswerResult[], extra: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    interpreted: 'q',
    answered: results.length > 0,
    confidence: results.length > 0 ? 'high' : 'none',
    missing: [],
    mode: 'hybrid',
    results,
    total: results.length,
    suggestions: [],
    notices: [],
    timings: { embedMs: 0, searchMs: 0, answerMs: 0 },
    indexVersion: 'v1',
    ...extra,
  };
}

/** Parses like Telegram; fails the test on HTML Telegram would refuse. */
function parsed(html: string): string {
  const r = parseTelegramHtml(html);
  if (!r.ok) throw new Error(`${r.error}\n${html}`);
  expect(r.text.length).toBeLessThanOrEqual(4096);
  return r.text;
}

describe('escaping', () => {
  it('escapes corpus and user text everywhere, and quotes in attributes', () => {
    const evil: ArticleRef = {
      ...ARTICLE,
      title: 'Tiêu đề <script>alert("x")</script> & <b>đậm</b>',
      outlet: 'A&B <i>',
      url: 'https://example.vn/a?x=1&y="2"<>',
    };
    const r = { ...result(1, 'Quote with <tags> & "quotes" & &amp; literal', [[11, 17]], evil), context: 'Mục <u>x</u> & y' };
    const [html, ...rest] = renderAnswerHtml(answer([r], { notices: [{ kind: 'keyword-only', reason: 'model <missing> & "broken"' }] }), 'vi');
    expect(rest).toEqual([]);
    const text = parsed(html!);
    expect(text).toContain('Quote with <tags> & "quotes" & &amp; literal');
    expect(text).toContain('Tiêu đề <script>alert("x")</script> & <b>đậm</b>');
    expect(text).toContain('A&B <i>');
    expect(text).toContain('Mục <u>x</u> & y');
    expect(text).not.toContain('model <missing>'); // the reason belongs to /status, not to every reply
    expect(html).toContain('<a href="https://example.vn/a?x=1&amp;y=%222%22%3C%3E">');
    expect(html).not.toContain('<script>');
    // Highlight of "<tags>" stays text inside <b>.
    expect(html).toContain('<b>&lt;tags&gt;</b>');
  });

  it('says before the quote whose figure it is when it is a body\'s inside the place asked, escaped, once', () => {
    const a = answer([result(1, 'Đảng bộ Khối các cơ quan thành phố có 4.466 đảng viên.')], {
      notices: [{ kind: 'narrower-body', place: 'Hải Phòng', body: 'Đảng bộ Khối <các> cơ quan thành phố (Hải Phòng)' }],
    });
    const vi = parsed(renderAnswerHtml(a, 'vi').join('\n'));
    const note = 'Lưu ý: số liệu dưới đây là của Đảng bộ Khối <các> cơ quan thành phố (Hải Phòng); các báo cáo không nêu số liệu của toàn Hải Phòng.';
    expect(vi.indexOf(note)).toBeGreaterThanOrEqual(0);
    expect(vi.indexOf(note)).toBeLessThan(vi.indexOf('4.466'));
    expect(vi.split(note).length).toBe(2);
    expect(parsed(renderAnswerHtml(a, 'en').join('\n'))).toContain('Note: the figure below is for Đảng bộ Khối <các> cơ quan thành phố (Hải Phòng)');
  });

  it('asks back about a name one slip from one the reports write, under the refusal, in Vietnamese and English', () => {
    const a = answer([], { missing: ['Tôn Danh'], suggestions: [ARTICLE], notices: [{ kind: 'did-you-mean', names: ['Tôn Doanh'] }] });
    const vi = parsed(renderAnswerHtml(a, 'vi').join('\n'));
    expect(vi).toContain('Tôn Danh');
    expect(vi.indexOf('Có phải bạn muốn hỏi về Tôn Doanh?')).toBeGreaterThan(vi.indexOf('Tôn Danh'));
    expect(vi.indexOf('Có phải bạn muốn hỏi về Tôn Doanh?')).toBeLessThan(vi.indexOf(ARTICLE.title));
    expect(renderAnswerPlain(a, 'en')).toContain('Did you mean Tôn Doanh?');
  });

  it('links only http(s) URLs', () => {
    const r = result(1, 'Một câu.', [], { ...ARTICLE, url: 'javascript:alert(1)' });
    const [html] = renderAnswerHtml(answer([r]), 'vi');
    expect(html).not.toContain('<a ');
    expect(html).toContain(`<b>${escapeHtml(ARTICLE.title)}</b>`);
    const linked = renderAnswerHtml(answer([result(1, 'Một câu.', [], { ...ARTICLE, url: 'https://hp.gov.vn/bai-viet' })]), 'vi')[0]!;
    expect(linked).toContain(`<a href="https://hp.gov.vn/bai-viet">${escapeHtml(ARTICLE.title)}</a>`);
    parsed(linked);
  });

  it('cites date, outlet and paragraph', () => {
    const [html] = renderAnswerHtml(answer([{ ...result(1, 'Câu.'), paragraph: 4, paragraphEnd: 5 }]), 'vi');
    expect(html).toContain('16/10/2024 · HPĐT · đoạn 4–5');
    const [en] = renderAnswerHtml(answer([result(1, 'Câu.')]), 'en');
    expect(en).toContain('para. 1');
    const [caption] = renderAnswerHtml(answer([{ ...result(1, 'Đồng chí Lê Tiến Châu phát biểu.'), paragraph: 6, paragraphEnd: 6, kind: 'caption' }]), 'vi');
    expect(caption).toContain('HPĐT · chú thích ảnh (sau đoạn 6)');
    const [para] = renderParagraphHtml({ chunkId: 'c', article: ARTICLE, paragraph: 6, paragraphEnd: 6, kind: 'caption', text: 'Ảnh.', context: null }, 'en');
    expect(para).toContain('<b>Photo caption</b>');
    expect(para).toContain('photo caption (after para. 6)');
  });
});

describe('highlights', () => {
  const q = 'Đảng bộ Khối có 4.466 đảng viên.';

  it('merges overlapping and touching spans', () => {
    expect(normalizeSpans([[4, 7], [0, 5], [8, 12], [12, 13]], q)).toEqual([[0, 7], [8, 13]]);
    const [html] = renderAnswerHtml(answer([result(1, q, [[0, 4], [2, 7]])]), 'vi');
    expect(html).toContain('<blockquote><b>Đảng bộ</b> Khối');
    parsed(html!);
  });

  it('handles spans at the edges, out of range, empty and reversed', () => {
    const spans: Span[] = [[0, 4], [q.length - 5, q.length + 20], [-3, 2], [10, 10], [7, 5]];
    const [html] = renderAnswerHtml(answer([result(1, q, spans)]), 'vi');
    const text = parsed(html!);
    expect(text).toContain(q);
    expect(html).toContain("<blockquote><b>Đảng bộ</b> Khối"); // [7, 5] reversed → "bộ", joined with "Đảng"
    expect(html).toContain('<b>viên.</b></blockquote>');
  });

  it('joins highlighted neighbours into one run', () => {
    const [html] = renderAnswerHtml(answer([result(1, q, [[0, 4], [5, 7]])]), 'vi');
    expect(html).toContain('<b>Đảng bộ</b>');
  });

  it('never splits a surrogate pair', () => {
    const s = 'Tin 😀 vui';
    const spans: Span[] = [[5, 9]]; // starts in the middle of the emoji
    const [html] = renderAnswerHtml(answer([result(1, s, spans)]), 'vi');
    expect(html).toContain('<b>😀 vu</b>');
    expect(() => encodeURIComponent(html!)).not.toThrow();
  });
});

describe('splitting at 4096', () => {
  const sentence = 'Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng & 4.466 đảng viên. ';

  it('packs whole results into messages of at most 4096 characters', () => {
    const results = Array.from({ length: 10 }, (_, i) => result(i + 1, sentence.repeat(11).trim(), [[0, 4], [60, 66]]));
    const msgs = renderAnswerHtml(answer(results, { total: 12, notices: [{ kind: 'question-truncated', maxChars: 500 }] }), 'vi');
    expect(msgs.length).toBeGreaterThan(1);
    const ranks: number[] = [];
    for (const m of msgs) {
      const text = parsed(m);
      expect(htmlVisibleLength(m)).toBe(text.length);
      // Only whole results: as many quotes opened as closed, each followed by its citation.
      expect(m.split('<blockquote>').length).toBe(m.split('</blockquote>').length);
      for (const r of m.matchAll(/<b>\[(\d+)\]<\/b>/g)) ranks.push(Number(r[1]));
      expect(m).not.toContain('…');
    }
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(msgs[0]).toMatch(/^<i>Kết quả 1–10 \/ 12<\/i>\n<blockquote>/);
    expect(msgs.at(-1)).toContain('Câu hỏi quá dài');
  });

  it('cuts a single over-long quote at a word boundary with "…", never inside an entity', () => {
    // Entities everywhere: any cut inside "&amp;" would break parsing.
    const long = 'a&b <c> '.repeat(1500);
    const spans: Span[] = [[0, 3], [4090, 5000], [11_000, 11_990]];
    const msgs = renderAnswerHtml(answer([result(1, long.trim(), spans), result(2, 'Ngắn.')]), 'vi');
    expect(msgs.length).toBe(2);
    const text = parsed(msgs[0]!);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.length).toBeGreaterThan(3500);
    expect(msgs[0]).toMatch(/…<\/blockquote>/);
    expect(msgs[0]).toMatch(/(&gt;|b)…/); // ends at the end of a word
    expect(msgs[0]).toContain('<b>[1]</b>');
    parsed(msgs[1]!);
  });

  it('respects a smaller budget', () => {
    const msgs = renderAnswerHtml(answer([result(1, sentence.repeat(20)), result(2, sentence.repeat(3))]), 'vi', { maxLength: 1000 });
    for (const m of msgs) expect(parsed(m).length).toBeLessThanOrEqual(1000);
  });

  it('cuts (with cutAtWord) keep whole words and never exceed the limit', () => {
    expect(cutAtWord('một hai ba bốn', 9)).toBe('một hai');
    expect(cutAtWord('abcdefghij', 4)).toBe('abcd');
    expect(cutAtWord('ngắn', 10)).toBe('ngắn');
  });
});

describe('not found and notices', () => {
  it('says the reports do not answer, with the closest titles', () => {
    const a = answer([], { suggestions: [ARTICLE, { ...ARTICLE, id: 'x', title: 'Bài <khác>', date: null }] });
    const [html, ...rest] = renderAnswerHtml(a, 'vi');
    expect(rest).toEqual([]);
    const text = parsed(html!);
    expect(text).toContain('Các báo cáo hiện có không trả lời câu hỏi này.');
    expect(text).toContain('Phát huy mạnh mẽ');
    expect(text).toContain('(16/10/2024)');
    expect(text).toContain('Bài <khác>');
    expect(html).not.toContain('<blockquote>');
    expect(renderAnswerHtml(a, 'en')[0]).toContain('The available reports do not answer this question.');
  });

  it('turns the empty-question notice into the hint with examples', () => {
    const [html] = renderAnswerHtml(answer([], { notices: [{ kind: 'empty-question' }] }), 'vi');
    expect(parsed(html!)).toContain('Hải Phòng có bao nhiêu đảng viên?');
  });

  it('words the notices in both languages', () => {
    expect(noticeText({ kind: 'keyword-only', reason: 'no model' }, 'vi')).toMatch(/từ khóa/);
    expect(noticeText({ kind: 'keyword-only', reason: 'no model' }, 'en')).toMatch(/keywords only/);
    expect(noticeText({ kind: 'question-truncated', maxChars: 500 }, 'vi')).toMatch(/500 ký tự/);
  });
});

describe('plain rendering', () => {
  const a = answer([result(1, 'Đảng bộ có 4.466 đảng viên.', [[0, 4], [11, 16]])], { notices: [{ kind: 'keyword-only', reason: 'no model' }] });

  it('quotes in “ ” with the source, no markup by default', () => {
    const text = renderAnswerPlain(a, 'vi');
    expect(text).toContain('1. “Đảng bộ có 4.466 đảng viên.”');
    expect(text).toContain('— Phát huy mạnh mẽ, sắc nét trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ · 16/10/2024 · HPĐT · đoạn 1');
    expect(text).toContain('ℹ️ Tìm theo từ khóa');
    expect(text).not.toContain('\x1b[');
    expect(text).not.toContain('<');
  });

  it('marks highlights with ANSI bold when asked', () => {
    const text = renderAnswerPlain(a, 'vi', { ansi: true });
    expect(text).toContain('\x1b[1mĐảng\x1b[22m bộ có \x1b[1m4.466\x1b[22m');
  });

  it('renders not-found as text', () => {
    const text = renderAnswerPlain(answer([], { suggestions: [ARTICLE] }), 'en');
    expect(text).toContain('The available reports do not answer this question.');
    expect(text).toContain('  • Phát huy mạnh mẽ');
  });

  it('htmlToPlain undoes the HTML', () => {
    expect(htmlToPlain('<b>a &amp; b</b> <a href="https://x.vn/?a=1&amp;b=2">t</a>')).toBe('a & b t (https://x.vn/?a=1&b=2)');
  });
});

describe('other views', () => {
  const view: ArticleView = { ...ARTICLE, author: 'Thái Hùng <VP>', url: 'https://hp.vn/x', paragraphs: 8, chunks: 8 };

  it('renders a long paragraph as consecutive verbatim quotes', () => {
    const text = 'Câu có & và <thẻ>. '.repeat(600).trim();
    const msgs = renderParagraphHtml({ chunkId: 'c', article: ARTICLE, paragraph: 4, paragraphEnd: 4, text, context: 'Mục' }, 'vi');
    expect(msgs.length).toBeGreaterThan(1);
    const joined = msgs.map((m) => parsed(m)).join(' ');
    const quoted = msgs.map((m) => htmlToPlain(/<blockquote[^>]*>([\s\S]*)<\/blockquote>/.exec(m)![1]!)).join(' ');
    expect(quoted.replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(joined).toContain('đoạn 4');
  });

  it('renders the article, the sources list and the status', () => {
    const art = renderArticleHtml(view, 'vi');
    expect(parsed(art)).toContain('Tác giả: Thái Hùng <VP>');
    expect(art).toContain('<a href="https://hp.vn/x">');
    const many = Array.from({ length: 200 }, (_, i) => ({ ...view, id: `a${i}`, title: `Bài số ${i} về hội nghị & tổng kết công tác xây dựng Đảng` }));
    const sources = renderSourcesHtml(many, 'vi');
    expect(sources.length).toBeGreaterThan(1);
    for (const m of sources) parsed(m);
    expect(sources.join('\n')).toContain('200. ');
    const status = renderStatusHtml(
      { articles: 5, chunks: 120, mode: 'keyword', model: null, indexModel: 'Xenova/multilingual-e5-small', degradedReason: 'model <not> downloaded & offline', builtAt: '2024-10-16T07:56:00Z', loadedAt: '2024-10-16T08:00:00Z', indexVersion: 'abc', indexDir: '/x' },
      'vi',
    );
    const st = parsed(status);
    expect(st).toContain('Chế độ tìm: chỉ theo từ khóa');
    expect(st).toContain('Lý do: model <not> downloaded & offline');
    expect(st).toContain('16/10/2024 07:56 UTC');
    expect(st).not.toContain('Độ tin của mô hình');
    const hybrid = parsed(
      renderStatusHtml(
        { articles: 5, chunks: 120, mode: 'hybrid', model: 'tiny-vi', indexModel: 'tiny-vi', degradedReason: null, dense: 'dense band measured at build: lo 0.353 hi 0.444 weight 0.009, re-rank only (…)', builtAt: '2024-10-16T07:56:00Z', loadedAt: '2024-10-16T08:00:00Z', indexVersion: 'abc', indexDir: '/x' },
        'en',
      ),
    );
    expect(hybrid).toContain('Semantic model confidence: dense band measured at build: lo 0.353 hi 0.444');
  });
});

describe('dates', () => {
  it('formats as precisely as the article says', () => {
    expect(formatDate(ARTICLE.date, 'vi')).toBe('16/10/2024');
    expect(formatDate({ iso: '2021-01', raw: 'tháng 1/2021', precision: 'month', yearMissing: false }, 'vi')).toBe('01/2021');
    expect(formatDate({ iso: '2021', raw: '2021', precision: 'year', yearMissing: false }, 'en')).toBe('2021');
    const noYear = { iso: null, raw: 'Chiều 15-10', precision: 'day' as const, yearMissing: true, month: 10, day: 15 };
    expect(formatDate(noYear, 'vi')).toBe('15/10 (không rõ năm)');
    expect(formatDate(noYear, 'en')).toBe('15 Oct (year unknown)');
    expect(formatDate(null, 'vi')).toBe('');
    expect(formatDate({ iso: null, raw: 'hôm qua', precision: 'none', yearMissing: false }, 'vi')).toBe('hôm qua');
  });
});

describe('conversation replies', () => {
  it('names the author in citations and /sources', () => {
    const byline = { ...ARTICLE, author: 'Thái Hùng' };
    expect(htmlToPlain(renderAnswerHtml(answer([result(1, 'Một câu.', [], byline)]), 'vi').join('\n'))).toContain('Thái Hùng');
    expect(htmlToPlain(renderSourcesHtml([byline], 'vi').join('\n'))).toContain('Thái Hùng');
  });

  it('asks who is meant, shows report facts, and says how a follow-up was read', () => {
    const who = renderAnswerPlain(answer([], { confidence: 'none', notices: [{ kind: 'ask-who' }] }), 'vi');
    expect(who).toContain('Bạn muốn hỏi về ai?');
    expect(who).not.toContain('không trả lời');
    const facts = renderAnswerHtml(answer([result(1, 'Một câu.')], { facts: { count: null, articles: [{ ...ARTICLE, title: 'Bài A' }], links: false }, question: 'còn Huế?', interpreted: 'Ai là Bí thư Thành ủy Huế?' }), 'vi').join('\n');
    expect(htmlToPlain(facts)).toContain('Theo thông tin bài viết:\n• Bài A · 16/10/2024 · HPĐT');
    expect(htmlToPlain(facts)).toContain('Hiểu là: Ai là Bí thư Thành ủy Huế?');
  });

  it('shows report facts with the date as citations show it and the count labelled, never the raw text a date was read from', () => {
    // "có bao nhiêu bài về Nghệ An?": the seed article's date was read from " date 2021-01 Chiều 14/1, …".
    const nghean: ArticleRef = { ...ARTICLE, title: 'Bài Nghệ An', outlet: null, date: { iso: '2021-01-14', raw: 'date 2021-01 Chiều 14/1', precision: 'day', yearMissing: false, year: 2021, month: 1, day: 14 } };
    const hcm: ArticleRef = { ...ARTICLE, title: 'Bài TPHCM', outlet: 'SGGPO', url: 'https://sggp.org.vn/x', date: { iso: null, raw: 'Chiều 15-10', precision: 'day', yearMissing: true, month: 10, day: 15 } };
    const a = answer([result(1, 'Một câu.')], { facts: { count: 2, articles: [nghean, hcm], links: true } });
    const vi = htmlToPlain(renderAnswerHtml(a, 'vi').join('\n'));
    expect(vi).toContain('Theo thông tin bài viết:\n• Số bài: 2\n• Bài Nghệ An · 14/01/2021\n• Bài TPHCM · 15/10 (không rõ năm) · SGGPO · https://sggp.org.vn/x');
    expect(vi).not.toContain('Chiều');
    const en = renderAnswerPlain(a, 'en');
    expect(en).toContain('From the reports’ details:\n  • Articles: 2\n  • Bài Nghệ An · 14/01/2021\n  • Bài TPHCM · 15 Oct (year unknown) · SGGPO · https://sggp.org.vn/x');
    // Without "link" in the question, no address.
    expect(renderAnswerPlain(answer([result(1, 'Một câu.')], { facts: { count: null, articles: [hcm], links: false } }), 'vi')).not.toContain('https://');
  });

  it('an upload saved under another name because its name was taken says which article had it and how to drop that one (probe10)', () => {
    const info = { id: 'bao-cao-2', file: 'bao-cao-2.md', title: 'Hội nghị', date: null, outlet: null, paragraphs: 2, replaced: false, warnings: [], build: { ok: true, message: '', seconds: 1 }, indexed: true };
    expect(addedText({ ...info, nameTakenBy: 'bao-cao.md' }, 'vi')).toContain('Đã có bài cùng tên tệp (bao-cao.md, mã bao-cao)');
    expect(addedText({ ...info, nameTakenBy: 'bao-cao.md' }, 'vi')).toContain('/remove bao-cao');
    expect(addedText({ ...info, nameTakenBy: 'bao-cao.md' }, 'en')).toContain('/remove bao-cao');
    expect(addedText({ ...info, nameTakenBy: null }, 'vi')).not.toContain('/remove');
  });

  it('a /remove the disk refuses is said in the language of the admin, not as the raw English reason (probe10)', () => {
    const reason = 'the corpus folder /srv/corpus is not writable for the bot (EROFS); mount it read-write to add articles from Telegram';
    const vi = notRemovedText('bao-cao', reason, 'vi');
    expect(vi).toMatch(/^Không xoá được bài bao-cao: /u);
    expect(vi).not.toContain('is not writable');
    expect(notRemovedText('bao-cao', reason, 'en')).toBe(`Not removed bao-cao: ${reason}`);
  });

  it('an upload the rebuilt index does not hold is never said to be answerable now', () => {
    const info = { id: 'qnam', file: 'qnam.md', title: 'Hội nghị', date: null, outlet: null, paragraphs: 2, replaced: false, warnings: [], build: { ok: true, message: '', seconds: 1 } };
    expect(addedText({ ...info, indexed: true }, 'vi')).toContain('có thể hỏi về bài này ngay');
    for (const lang of ['vi', 'en'] as const) {
      const text = addedText({ ...info, indexed: false }, lang);
      expect(text).not.toMatch(/có thể hỏi về bài này ngay|can be asked about now/u);
      expect(text).toContain(lang === 'en' ? 'the index does not hold it after the build' : 'chỉ mục không có bài này sau khi xây dựng');
    }
  });
});
