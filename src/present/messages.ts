/**
 * Every user-facing string of the bot and the console chat, in Vietnamese (default) and English.
 * Pure data and small functions: no HTML here except where a function's name says `Html`
 * (callers escape anything that comes from the corpus or the user).
 */
import type { ArticleDate } from '../corpus/types.js';
import type { Lang, Notice, ReportFacts, ReportsWithin } from '../answer/types.js';
import { localizeLine, operatorText, type OperatorNote } from '../text/operator.js';
import { provinceLevel } from '../text/gazetteer.js';
import { EXAMPLE_QUESTIONS } from '../engine/examples.js';


const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The parts of an ArticleDate, from its fields or else from its ISO string. */
function dateParts(date: ArticleDate): { year?: number; month?: number; day?: number } {
  const out: { year?: number; month?: number; day?: number } = {};
  if (date.year !== undefined) out.year = date.year;
  if (date.month !== undefined) out.month = date.month;
  if (date.day !== undefined) out.day = date.day;
  if (date.iso) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.iso);
    if (m) {
      out.year ??= Number(m[1]);
      if (m[2] !== undefined) out.month ??= Number(m[2]);
      if (m[3] !== undefined) out.day ??= Number(m[3]);
    }
  }
  return out;
}

/**
 * A date as precise as the article states it:
 * day → "16/10/2024", month → "01/2021", year → "2021",
 * year missing → "15/10 (không rõ năm)" / "15 Oct (year unknown)", nothing known → the raw text or "".
 */
export function formatDate(date: ArticleDate | null | undefined, lang: Lang): string {
  if (!date) return '';
  const { year, month, day } = dateParts(date);
  const validMonth = month !== undefined && month >= 1 && month <= 12;
  if (date.yearMissing || year === undefined) {
    if (validMonth && day !== undefined) {
      return lang === 'en' ? `${day} ${MONTHS_EN[month - 1]} (year unknown)` : `${pad2(day)}/${pad2(month)} (không rõ năm)`;
    }
    if (validMonth) {
      return lang === 'en' ? `${MONTHS_EN[month - 1]} (year unknown)` : `tháng ${pad2(month)} (không rõ năm)`;
    }
    return date.raw.trim();
  }
  if (date.precision === 'day' && validMonth && day !== undefined) return `${pad2(day)}/${pad2(month)}/${year}`;
  if ((date.precision === 'day' || date.precision === 'month') && validMonth) return `${pad2(month)}/${year}`;
  return String(year);
}

/**
 * "đoạn 4" / "para. 4", a range "đoạn 4–5", or for a photo caption "chú thích ảnh (sau đoạn 4)" /
 * "photo caption (after para. 4)" (a caption's paragraph is the one it follows; 0: before the first).
 */
export function paragraphLabel(paragraph: number, paragraphEnd: number, lang: Lang, kind: 'paragraph' | 'caption' = 'paragraph'): string {
  if (kind === 'caption') {
    if (paragraph < 1) return lang === 'en' ? 'photo caption (top of the article)' : 'chú thích ảnh (đầu bài)';
    return lang === 'en' ? `photo caption (after para. ${paragraph})` : `chú thích ảnh (sau đoạn ${paragraph})`;
  }
  const range = paragraphEnd > paragraph ? `${paragraph}–${paragraphEnd}` : String(paragraph);
  return lang === 'en' ? `para. ${range}` : `đoạn ${range}`;
}

/** "trang 3" / "p. 3": the page of a paged source (pdf). */
export function pageLabel(page: number, lang: Lang): string {
  return lang === 'en' ? `p. ${page}` : `trang ${page}`;
}

type Table = Record<Lang, string>;

const T = {
  notFound: {
    vi: 'Các báo cáo hiện có không trả lời câu hỏi này.',
    en: 'The available reports do not answer this question.',
  },
  lowConfidence: {
    vi: 'Chưa có câu trả lời chắc chắn. Các đoạn có thể liên quan:',
    en: 'No confident answer. Passages that may be related:',
  },
  nearestIntro: {
    vi: 'Gần nhất:',
    en: 'Closest:',
  },
  suggestionsIntro: {
    vi: 'Các bài viết gần nhất với câu hỏi:',
    en: 'The closest articles:',
  },
  emptyQuestion: {
    vi: 'Hãy gửi một câu hỏi về các bài báo cáo, ví dụ:',
    en: 'Send a question about the reports, for example:',
  },
  nonText: {
    vi: 'Tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi của bạn, ví dụ: «Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?»',
    en: 'I can only read text messages. Please type your question, e.g. «Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?»',
  },
  outdated: {
    vi: 'Nút này đã cũ: dữ liệu đã được cập nhật. Hãy hỏi lại câu hỏi.',
    en: 'This button is outdated: the data has been updated. Please ask again.',
  },
  noMoreResults: {
    vi: 'Không còn kết quả nào khác.',
    en: 'There are no more results.',
  },
  engineError: {
    vi: 'Xin lỗi, đã có lỗi khi tìm câu trả lời. Vui lòng thử lại sau ít phút.',
    en: 'Sorry, something went wrong while searching. Please try again in a few minutes.',
  },
  notAllowed: {
    vi: 'Xin lỗi, bot này chỉ phục vụ người dùng được cho phép.',
    en: 'Sorry, this bot only serves authorised users.',
  },
  adminOnly: {
    vi: 'Lệnh này chỉ dành cho quản trị viên.',
    en: 'This command is for administrators only.',
  },
  unknownCommand: {
    vi: 'Lệnh không hợp lệ. Gõ /help để xem hướng dẫn.',
    en: 'Unknown command. Type /help for instructions.',
  },
  noArticles: {
    vi: 'Chưa có bài viết nào trong chỉ mục.',
    en: 'The index has no articles yet.',
  },
  sourcesTitle: {
    vi: 'Các bài viết trong kho dữ liệu',
    en: 'Articles in the collection',
  },
  articleTitle: {
    vi: 'Bài viết',
    en: 'Article',
  },
  fullParagraphTitle: {
    vi: 'Đoạn đầy đủ',
    en: 'Full paragraph',
  },
  captionTitle: {
    vi: 'Chú thích ảnh',
    en: 'Photo caption',
  },
  buttonNext: {
    vi: 'Kết quả tiếp ▸',
    en: 'More results ▸',
  },
  listGone: {
    vi: 'Không thể xem tiếp danh sách này: kho báo cáo đã được cập nhật sau câu trả lời, và danh sách cũ không còn được lưu. Hãy bấm «Hỏi lại» để tìm trong kho mới.',
    en: 'These results cannot be continued: the reports have been updated since this answer and its list is no longer kept. Press «Ask again» to search the updated reports.',
  },
  buttonAskAgain: {
    vi: '🔄 Hỏi lại',
    en: '🔄 Ask again',
  },
  buttonNewChat: {
    vi: '🆕 Hỏi chuyện mới',
    en: '🆕 New topic',
  },
  newChat: {
    vi: 'Đã bắt đầu cuộc trò chuyện mới: câu hỏi tiếp theo không nối với câu trước.',
    en: 'New conversation: your next question is read on its own.',
  },
  voteThanks: {
    vi: 'Cảm ơn bạn đã góp ý!',
    en: 'Thanks for the feedback!',
  },
  consoleUnknownCommand: {
    vi: 'Lệnh không hợp lệ. Gõ /help để xem các lệnh.',
    en: 'Unknown command. Type /help for the commands.',
  },
  consoleNoMore: {
    vi: 'Không còn kết quả nào nữa.',
    en: 'No more results.',
  },
  indexReloaded: {
    vi: '(Chỉ mục vừa được nạp lại.)',
    en: '(The index was just reloaded.)',
  },
  consoleBye: {
    vi: 'Tạm biệt!',
    en: 'Goodbye!',
  },
  consoleIntro: {
    vi: 'Gõ câu hỏi rồi nhấn Enter; các lệnh: /more (hoặc Enter trên dòng trống) kết quả tiếp, /new chủ đề mới, /help, /sources, /status, /quit.',
    en: 'Type a question and press Enter; commands: /more (or Enter on an empty line) for more results, /new for a new topic, /help, /sources, /status, /quit.',
  },
  consolePrompt: {
    vi: 'Câu hỏi> ',
    en: 'Question> ',
  },
  // The bot's profile (setMyDescription: shown in an empty chat, at most 512 characters;
  // setMyShortDescription: the profile page and shared links, at most 120).
  botDescription: {
    vi: 'Trả lời câu hỏi về các báo cáo hội nghị bằng trích dẫn nguyên văn, kèm nguồn (bài, ngày, đoạn). Gõ câu hỏi bằng tiếng Việt, có dấu hay không dấu đều được.',
    en: 'Answers questions about Vietnamese meeting reports with verbatim quotes and their sources (article, date, paragraph). Ask in Vietnamese, with or without diacritics.',
  },
  botShortDescription: {
    vi: 'Hỏi đáp báo cáo hội nghị: trích dẫn và nguồn.',
    en: 'Questions on Vietnamese meeting reports: quotes and sources.',
  },
} satisfies Record<string, Table>;

export type MessageKey = keyof typeof T;

/** A fixed text by key. */
export function t(key: MessageKey, lang: Lang): string {
  return T[key][lang];
}

/** "The reports do not mention Quảng Nam, 2019." */
export function missingText(labels: readonly string[], lang: Lang): string {
  const list = labels.join(', ');
  return lang === 'en' ? `The available reports do not mention ${list}.` : `Các báo cáo hiện có không nhắc đến ${list}.`;
}

/**
 * What a report named before the closest articles is, for a place asked that no report states (see
 * answer/within.ts): "Có báo cáo về Đông Hà (thuộc Quảng Trị):", "… về Bình Định (từ 7/2025 thuộc tỉnh Gia Lai):".
 */
export function withinText(w: Pick<ReportsWithin, 'asked' | 'place' | 'via' | 'merged'>, lang: Lang): string {
  const level = provinceLevel(w.asked);
  if (lang === 'en') {
    const since = `part of ${w.asked} ${level === 'tỉnh' ? 'province' : 'city'} since July 2025`;
    const where = !w.merged ? `in ${w.asked}` : w.via ? `in ${w.via}, ${since}` : since;
    return `Reports on ${w.place} (${where}):`;
  }
  const since = `từ 7/2025 thuộc ${level} ${w.asked}`;
  const where = !w.merged ? `thuộc ${w.asked}` : w.via ? `thuộc ${w.via}, ${since}` : since;
  return `Có báo cáo về ${w.place} (${where}):`;
}

/** How the question was read, when that differs from what was typed. */
export function interpretedText(interpreted: string, lang: Lang): string {
  return lang === 'en' ? `Read as: ${interpreted}` : `Hiểu là: ${interpreted}`;
}

export function noticeText(notice: Notice, lang: Lang): string {
  switch (notice.kind) {
    // The reason (a model id, a network error) is for /status and the log, not for every reply.
    case 'keyword-only':
      return lang === 'en' ? 'Searched by keywords only (the semantic model is not in use; see /status).' : 'Tìm theo từ khóa (chưa dùng mô hình ngữ nghĩa; xem /status).';
    case 'question-truncated':
      return lang === 'en'
        ? `Your question was too long: only its first ${notice.maxChars} characters were used.`
        : `Câu hỏi quá dài: chỉ ${notice.maxChars} ký tự đầu được dùng để tìm.`;
    case 'empty-question':
      return t('emptyQuestion', lang);
    case 'ask-who':
      return askWhoText(lang);
    case 'article-gone':
      return lang === 'en'
        ? 'The article this conversation was about is no longer in the index (it may have been removed). Please ask your question in full.'
        : 'Bài viết mà cuộc trò chuyện đang nói đến không còn trong chỉ mục (có thể đã bị gỡ). Hãy hỏi lại đầy đủ câu hỏi.';
    case 'did-you-mean':
      return lang === 'en' ? `Did you mean ${notice.names.join(', ')}?` : `Có phải bạn muốn hỏi về ${notice.names.join(', ')}?`;
    case 'narrower-body':
      if (notice.merged) {
        return lang === 'en'
          ? `Note: the figure below is for ${notice.body} (part of ${notice.place} since July 2025), not for ${notice.place} as a whole.`
          : `Lưu ý: số liệu dưới đây là của ${notice.body} (từ 7/2025 thuộc ${provinceLevel(notice.place)} ${notice.place}), không phải của toàn ${provinceLevel(notice.place)} ${notice.place}.`;
      }
      return lang === 'en'
        ? `Note: the figure below is for ${notice.body}; the reports give none for ${notice.place} as a whole.`
        : `Lưu ý: số liệu dưới đây là của ${notice.body}; các báo cáo không nêu số liệu của toàn ${notice.place}.`;
    case 'unsure-side':
      return lang === 'en'
        ? `Note: the reports give no clear answer for ${notice.side}; its passage below may only be related.`
        : `Lưu ý: các báo cáo chưa nêu rõ điều này cho ${notice.side}; đoạn trích về ${notice.side} dưới đây chỉ có thể liên quan.`;
  }
}

/** "ông ấy …" as a first message: who is meant, rather than a guess. */
export function askWhoText(lang: Lang): string {
  return lang === 'en'
    ? 'Who do you mean? Please name the person or their title (for example "Bí thư Thành ủy Hải Phòng"), and I will answer the question.'
    : 'Bạn muốn hỏi về ai? Hãy cho biết tên hoặc chức vụ (ví dụ "Bí thư Thành ủy Hải Phòng"), tôi sẽ trả lời câu hỏi đó.';
}

/** The facts block of a metadata answer. */
export function factsTitle(lang: Lang): string {
  return lang === 'en' ? 'From the reports’ details:' : 'Theo thông tin bài viết:';
}

/** The lines of that block: how many articles (when asked), then each article as its citation dates it. */
export function factLines(facts: ReportFacts, lang: Lang): string[] {
  const lines = facts.count === null ? [] : [lang === 'en' ? `Articles: ${facts.count}` : `Số bài: ${facts.count}`];
  for (const a of facts.articles) {
    lines.push([a.title.trim(), formatDate(a.date, lang), a.outlet, a.byline ?? a.author, facts.links ? a.url : null].filter(Boolean).join(' · '));
  }
  return lines;
}

export function rateLimitText(lang: Lang, waitSeconds: number): string {
  const s = Math.max(1, Math.ceil(waitSeconds));
  return lang === 'en'
    ? `You are asking a little too fast. Please wait about ${s} s before the next question.`
    : `Bạn đang hỏi hơi nhanh. Vui lòng đợi khoảng ${s} giây rồi hỏi tiếp.`;
}

export function resultsRangeText(from: number, to: number, total: number, lang: Lang): string {
  return lang === 'en' ? `Results ${from}–${to} of ${total}` : `Kết quả ${from}–${to} / ${total}`;
}

/**
 * Above a further page served from the list kept since the first page, when the reports changed in
 * between: the list is the old one (new reports are not in it), and results removed since are left out.
 */
export function oldListText(dropped: number, lang: Lang): string {
  if (lang === 'en') {
    const gone = dropped > 0 ? ` ${dropped} of its results are no longer in the reports and are left out.` : '';
    return `The reports have been updated since this answer: these results continue the list you saw.${gone} Ask again to search the new reports too.`;
  }
  const gone = dropped > 0 ? ` ${dropped} kết quả của danh sách không còn trong kho nên được bỏ qua.` : '';
  return `Kho báo cáo đã được cập nhật sau câu trả lời này: các kết quả dưới đây tiếp nối danh sách bạn đã xem.${gone} Hãy hỏi lại để tìm cả trong các báo cáo mới.`;
}

export function buttonFullParagraph(rank: number, lang: Lang): string {
  return lang === 'en' ? `📄 Full paragraph ${rank}` : `📄 Đoạn đầy đủ ${rank}`;
}

export function buttonArticle(rank: number | null, lang: Lang): string {
  const base = lang === 'en' ? '📰 Article' : '📰 Bài viết';
  return rank === null ? base : `${base} ${rank}`;
}

export function reloadResultText(result: { ok: boolean; message: string; current?: true; reason?: OperatorNote | null }, lang: Lang, serving?: { indexVersion: string; articles: number; chunks: number }): string {
  const { ok, message } = result;
  // Nothing newer on disk: "reloaded" would tell the admin that a rebuild they expect has landed.
  if (ok && result.current && serving) {
    const { indexVersion: v, articles: a, chunks: c } = serving;
    return lang === 'en' ? `The index in use is already the newest: ${v}, ${a} articles, ${c} paragraphs.` : `Chỉ mục đang dùng đã là bản mới nhất: ${v}, ${a} bài, ${c} đoạn.`;
  }
  const head = ok
    ? lang === 'en' ? 'Index reloaded.' : 'Đã nạp lại chỉ mục.'
    : lang === 'en' ? 'Reload refused; the previous index keeps serving.' : 'Không nạp lại được; chỉ mục cũ vẫn đang phục vụ.';
  // After a reload, what serves now, in the reader's language (the engine's `message` is the log's English).
  if (ok && serving) {
    const { indexVersion: v, articles: a, chunks: c } = serving;
    return `${head} ${lang === 'en' ? `Serving index ${v}: ${a} articles, ${c} paragraphs.` : `Đang dùng chỉ mục ${v}: ${a} bài, ${c} đoạn.`}`;
  }
  // Refused: why, in the reader's language (the engine's `message` is the log's English, "still serving" said by `head`).
  if (!ok && result.reason) return `${head} ${operatorText(result.reason, lang)}`;
  return message ? `${head} ${ok ? message : localizeLine(message, lang)}` : head;
}

/** Lines of the examples list (plain text; callers escape for HTML): the index's own (see engine/examples.ts) when known. */
export function exampleLines(examples: readonly string[] = EXAMPLE_QUESTIONS): string[] {
  return examples.map((q) => `• ${q}`);
}

/** /start: plain text paragraphs (callers escape). */
export function startText(lang: Lang, firstName?: string, examples?: readonly string[]): string {
  const hello = firstName ? (lang === 'en' ? `Hello ${firstName}!` : `Xin chào ${firstName}!`) : lang === 'en' ? 'Hello!' : 'Xin chào!';
  const body =
    lang === 'en'
      ? 'I answer questions about Vietnamese news reports of Party committee meetings. I only reply with quoted excerpts from the reports, with their source (title, date, outlet, paragraph), and I never make anything up.'
      : 'Tôi trả lời câu hỏi về các bài báo cáo hội nghị của các cấp ủy Đảng. Tôi chỉ trích dẫn nguyên văn các đoạn trong bài viết, kèm nguồn (tiêu đề, ngày, cơ quan báo, số đoạn), không tự viết thêm nội dung.';
  const tryIt = lang === 'en' ? 'Just send a question, for example:' : 'Hãy gửi câu hỏi, ví dụ:';
  const more = lang === 'en' ? 'Type /help for more.' : 'Gõ /help để xem thêm hướng dẫn.';
  return [hello, body, '', tryIt, ...exampleLines(examples), '', more].join('\n');
}

/** One line of the command list in /help: "/ask câu hỏi: đặt câu hỏi". */
export interface CommandHelp {
  command: string;
  args?: string | undefined;
  help: string;
}

/** /help: how to ask, examples, then the given commands (plain text; callers escape). */
export function helpText(lang: Lang, opts: { botUsername?: string; commands?: readonly CommandHelp[]; console?: boolean; examples?: readonly string[] } = {}): string {
  const at = opts.botUsername ? `@${opts.botUsername}` : '@bot';
  // Groups, inline queries and buttons are Telegram's; the terminal chat has none of them.
  const telegram = (...lines: string[]) => (opts.console ? [] : lines);
  const lines =
    lang === 'en'
      ? [
          'How to ask',
          opts.console ? '• Type a question and press Enter (accents are optional).' : '• Send a question as a normal message (accents are optional).',
          ...telegram(
            '• In groups: mention me (' + at + ' question), reply to one of my messages, or use /ask question.',
            '• In any chat: type ' + at + ' question to pick a quote inline.',
            '• The buttons under an answer show the full paragraph, the article, or more results; 👍 / 👎 tell us how it went.',
          ),
          '• Follow-ups are read against your last question for a while: "what about Huế?", "and in 2021?", "what did he ask for?". /new starts afresh.',
          '• Filters: "năm:2024", "nguồn:HPĐT" (or "in 2021", "at Hải Phòng", "báo SGGPO") narrow the search to those articles.',
          '',
          'Examples:',
          ...exampleLines(opts.examples),
        ]
      : [
          'Cách hỏi',
          opts.console ? '• Gõ câu hỏi rồi nhấn Enter (có thể gõ không dấu).' : '• Gửi câu hỏi như một tin nhắn bình thường (có thể gõ không dấu).',
          ...telegram(
            '• Trong nhóm: nhắc tên tôi (' + at + ' câu hỏi), trả lời một tin nhắn của tôi, hoặc dùng /ask câu hỏi.',
            '• Ở bất kỳ cuộc trò chuyện nào: gõ ' + at + ' câu hỏi để chọn một trích dẫn.',
            '• Các nút dưới câu trả lời cho xem đoạn đầy đủ, thông tin bài viết, hoặc kết quả tiếp theo; 👍 / 👎 để góp ý.',
          ),
          '• Có thể hỏi tiếp theo câu trước: "thế còn Huế?", "còn năm 2021?", "ông ấy yêu cầu gì?". /new để bắt đầu chủ đề mới.',
          '• Lọc: "năm:2024", "nguồn:HPĐT" (hoặc "năm 2021", "ở Hải Phòng", "báo SGGPO") chỉ tìm trong các bài đó.',
          '',
          'Ví dụ:',
          ...exampleLines(opts.examples),
        ];
  const commands = opts.commands ?? [];
  if (commands.length > 0) {
    lines.push('', lang === 'en' ? 'Commands' : 'Lệnh', ...commands.map((c) => `/${c.command}${c.args ? ` ${c.args}` : ''}: ${c.help}`));
  }
  return lines.join('\n');
}

/** Labels of /status. */
export const STATUS_LABELS: Record<Lang, {
  title: string;
  articles: string;
  chunks: string;
  mode: string;
  modeHybrid: string;
  modeKeyword: string;
  modeVector: string;
  model: string;
  indexModel: string;
  noModel: string;
  why: string;
  dense: string;
  builtAt: string;
  loadedAt: string;
  version: string;
  indexDir: string;
}> = {
  vi: {
    title: 'Trạng thái',
    articles: 'Số bài viết',
    chunks: 'Số đoạn',
    mode: 'Chế độ tìm',
    modeHybrid: 'kết hợp mô hình ngữ nghĩa và từ khóa',
    modeKeyword: 'chỉ theo từ khóa',
    modeVector: 'chỉ theo mô hình ngữ nghĩa',
    model: 'Mô hình đang dùng',
    indexModel: 'Mô hình của chỉ mục',
    noModel: 'không có',
    why: 'Lý do',
    dense: 'Độ tin của mô hình ngữ nghĩa',
    builtAt: 'Xây dựng chỉ mục lúc',
    loadedAt: 'Nạp lúc',
    version: 'Phiên bản chỉ mục',
    indexDir: 'Thư mục chỉ mục',
  },
  en: {
    title: 'Status',
    articles: 'Articles',
    chunks: 'Paragraphs',
    mode: 'Search mode',
    modeHybrid: 'semantic model + keywords',
    modeKeyword: 'keywords only',
    modeVector: 'semantic model only',
    model: 'Model in use',
    indexModel: 'Index model',
    noModel: 'none',
    why: 'Why',
    dense: 'Semantic model confidence',
    builtAt: 'Index built at',
    loadedAt: 'Loaded at',
    version: 'Index version',
    indexDir: 'Index folder',
  },
};

/** An ISO timestamp as "16/10/2024 07:56 UTC" (the bot does not know the reader's time zone). */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
}

/** Article facts for the "Bài viết" view. */
export const ARTICLE_LABELS: Record<Lang, { date: string; outlet: string; author: string; paragraphs: string; link: string; unknown: string }> = {
  vi: { date: 'Ngày', outlet: 'Nguồn', author: 'Tác giả', paragraphs: 'Số đoạn', link: 'Liên kết', unknown: 'không rõ' },
  en: { date: 'Date', outlet: 'Outlet', author: 'Author', paragraphs: 'Paragraphs', link: 'Link', unknown: 'unknown' },
};

export function paragraphsCount(n: number, lang: Lang): string {
  return lang === 'en' ? `${n} paragraph${n === 1 ? '' : 's'}` : `${n} đoạn`;
}

/** What an admin's upload (/add, a document) read, for the reply. */
export interface AddedInfo {
  id: string;
  file: string;
  title: string;
  date: ArticleDate | null;
  outlet: string | null;
  paragraphs: number;
  replaced: boolean;
  /** The corpus file that already held the wanted name (this one was saved under another), if any. */
  nameTakenBy?: string | null;
  /** What the reader noticed (plain one-liners). */
  warnings: readonly string[];
  /** The rebuild: ok, and its summary or why it failed. */
  build: { ok: boolean; message: string; seconds: number };
  /** The rebuilt index holds the article (false: the build skipped it). */
  indexed: boolean;
}

/** The reply to an upload: what was read, and whether it can be asked about yet (plain text). */
export function addedText(a: AddedInfo, lang: Lang): string {
  const L = ARTICLE_LABELS[lang];
  const en = lang === 'en';
  const lines = [
    en ? `Added “${a.title || '(no title)'}” (${a.file}, id ${a.id}).` : `Đã thêm bài “${a.title || '(không có tiêu đề)'}” (${a.file}, mã ${a.id}).`,
    `${L.date}: ${formatDate(a.date, lang) || L.unknown}`,
    `${L.outlet}: ${a.outlet ?? L.unknown}`,
    `${L.paragraphs}: ${a.paragraphs}`,
  ];
  if (a.replaced) lines.push(en ? 'It replaced the article with the same name.' : 'Bài này thay cho bài cùng tên trước đó.');
  if (a.nameTakenBy) lines.push(nameTakenText(a.nameTakenBy, lang));
  const skipped = a.build.ok && !a.indexed;
  const warnings = a.warnings.map((w) => localizeLine(w, lang)); // the reader's English one-liners, in the admin's language
  if (skipped) warnings.push(en ? 'the index does not hold it after the build (a duplicate of another article?)' : 'chỉ mục không có bài này sau khi xây dựng (trùng với một bài khác?)');
  if (warnings.length > 0) {
    lines.push(en ? 'Problems noticed:' : 'Vấn đề ghi nhận:');
    for (const w of warnings) lines.push(`• ${w}`);
  }
  const built = buildResultText(a.build, lang);
  // Not in the index: the index was updated, but the article cannot be asked about.
  lines.push(skipped ? built.replace(/: có thể hỏi về bài này ngay\.$|: it can be asked about now\.$/u, '.') : built);
  return lines.join('\n');
}

/** A corrected report sent again under the same file name is kept beside the old one: say so, and how to drop the old. */
function nameTakenText(file: string, lang: Lang): string {
  const id = file.replace(/^.*[\\/]/u, '').replace(/\.[^.]+$/u, '');
  return lang === 'en'
    ? `An article with the same file name already exists (${file}, id ${id}), so this one was saved under a new name. If this is a corrected version, send /remove ${id} to drop the old one; otherwise both are quoted.`
    : `Đã có bài cùng tên tệp (${file}, mã ${id}) nên bài này được lưu tên mới. Nếu đây là bản sửa, gõ /remove ${id} để xoá bản cũ; nếu không, cả hai bài đều được trích dẫn.`;
}

function buildResultText(b: { ok: boolean; message: string; seconds: number }, lang: Lang): string {
  if (b.ok) return lang === 'en' ? `Index updated in ${b.seconds.toFixed(1)} s: it can be asked about now.` : `Đã cập nhật chỉ mục (${b.seconds.toFixed(1)} giây): có thể hỏi về bài này ngay.`;
  return lang === 'en' ? `The index could not be updated (the previous one keeps serving): ${b.message}` : `Chưa cập nhật được chỉ mục (chỉ mục cũ vẫn phục vụ): ${b.message}`;
}

/** An upload or /add that was refused or unreadable: one line, nothing written. */
export function notAddedText(reason: string, lang: Lang): string {
  return lang === 'en' ? `Not added: ${reason}` : `Không thêm được: ${localizeLine(reason, lang)}`;
}

export function fileTooBigText(bytes: number, maxBytes: number, lang: Lang): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return lang === 'en'
    ? `Not added: the file is ${mb(bytes)} MB, over the ${mb(maxBytes)} MB limit.`
    : `Không thêm được: tệp nặng ${mb(bytes)} MB, quá giới hạn ${mb(maxBytes)} MB.`;
}

/** Office files an office keeps that Word or LibreOffice saves as .docx in two clicks. */
const RESAVABLE_EXTENSIONS = new Set(['.doc', '.odt', '.rtf', '.docm', '.dot', '.dotx', '.wps']);

export function unsupportedFileText(extensions: readonly string[], lang: Lang, ext = ''): string {
  const text = lang === 'en' ? `Not added: I can read ${extensions.join(', ')} files only.` : `Không thêm được: tôi chỉ đọc được các tệp ${extensions.join(', ')}.`;
  const e = ext.toLowerCase();
  if (!RESAVABLE_EXTENSIONS.has(e)) return text;
  return lang === 'en'
    ? `${text} Open the ${e} file in Word or LibreOffice, save it as .docx (or export a .pdf) and send that.`
    : `${text} Hãy mở tệp ${e} bằng Word hoặc LibreOffice, lưu lại thành .docx (hoặc xuất ra .pdf) rồi gửi lại.`;
}

export function removedText(id: string, file: string, build: { ok: boolean; message: string; seconds: number }, lang: Lang): string {
  const head = lang === 'en' ? `Removed article ${id} (${file}).` : `Đã xoá bài ${id} (${file}).`;
  return `${head}\n${buildResultText(build, lang).replace(/: có thể hỏi về bài này ngay\.$|: it can be asked about now\.$/u, '.')}`;
}

/** A /remove whose file could not be deleted: one line, in the admin's language; the index is unchanged. */
export function notRemovedText(id: string, reason: string, lang: Lang): string {
  return lang === 'en' ? `Not removed ${id}: ${reason}` : `Không xoá được bài ${id}: ${localizeLine(reason, lang)}`;
}

export function noSuchArticleText(id: string, lang: Lang): string {
  return lang === 'en' ? `There is no article with id “${id}” (an article's id is its file name without the extension; I say it when an article is added).` : `Không có bài nào mang mã “${id}” (mã bài là tên tệp không có phần đuôi; tôi báo mã khi thêm bài).`;
}

export const CORPUS_TEXTS: Record<Lang, { uploadRefused: string; addUsage: string; removeUsage: string; reading: string }> = {
  vi: {
    uploadRefused: 'Xin lỗi, chỉ quản trị viên mới thêm được bài viết. Bạn vẫn có thể gõ câu hỏi về các bài hiện có.',
    addUsage: 'Cách dùng: /add <địa chỉ web của bài viết>, hoặc gửi tệp .txt, .md, .html, .docx, .pdf.',
    removeUsage: 'Cách dùng: /remove <mã bài> (mã bài là tên tệp không có phần đuôi).',
    reading: 'Đang đọc và cập nhật chỉ mục…',
  },
  en: {
    uploadRefused: 'Sorry, only administrators can add articles. You can still ask about the articles I have.',
    addUsage: 'Usage: /add <web address of the article>, or send a .txt, .md, .html, .docx or .pdf file.',
    removeUsage: 'Usage: /remove <article id> (the file name without the extension).',
    reading: 'Reading it and updating the index…',
  },
};
