/**
 * One turn of a conversation: the message read against the chat's last turn (conversation.ts), its
 * filters ("năm:2024 nguồn:HPĐT", "báo SGGPO"), then the kind of question — facts about the reports
 * (author, date, outlet, link, how many articles), a list across articles, a comparison of two sides,
 * or an ordinary question — answered through the engine. Returns the answer and what the chat keeps.
 */
import type { Answer, AnswerResult, Notice, ReportFacts } from '../answer/types.js';
import { findPlaces, placesIn } from '../text/gazetteer.js';
import { fold } from '../text/normalise.js';
import { numeralsIn } from '../text/numerals.js';
import { tokenize } from '../text/tokens.js';
import { collapse, escapeRe, readFollowUp, turnOf, type TurnContext } from './conversation.js';
import type { ArticleView, AskOptions, QaEngine } from './types.js';

/** Articles a list answer looks through, and its lines per page without a `top` (one line per article). */
const LIST_LIMIT = 10;
const LIST_PAGE = 5;

export interface ChatTurn {
  answer: Answer;
  /** What the chat keeps for the next message. */
  turn: TurnContext;
}

/** Folded and lower case: the form the patterns below are written in. */
const plain = (text: string) => fold(text).toLowerCase();
const has = (text: string, re: RegExp) => re.test(plain(text));
const IS_LIST = /(^|\s)(nhung|cac) .*\bnao\b|^liet ke|^ke ten|(^|\s)(cac|nhung) bi thu|^moi (tinh|thanh pho|dang bo|nguoi)/u;
// "A hay B nhiều hơn", "A hay B có nhiều đảng viên hơn": the measure may stand between "nhiều" and "hơn".
const IS_COMPARE = /^(so sanh|compare)\s|\s(hay|hoac)\s.+\s(nhieu|it|cao|thap)(\s.+)?\shon\b|\sben nao\s(nhieu|it|cao|thap)/u;
const META = {
  author: /\bai viet\b|tac gia|nguoi viet|but danh/u,
  date: /dang (ngay|khi|luc|hom|vao) nao|ngay nao|dang khi nao|dang luc nao/u,
  outlet: /bao nao|nguon nao|trang nao|co quan bao/u,
  link: /\blink\b|duong dan|\burl\b/u,
  count: /bao nhieu bai|may bai/u,
  which: /(nhung|cac) bai (viet |bao )?nao|bai nao (noi|viet|nhac|de cap)/u,
};

/**
 * "báo SGGPO có nói TPHCM bao nhiêu dân không?": once the outlet is taken as a filter, "có nói … không" only
 * asks whether the outlet says it; the question is what it wraps (searched with "có nói", "không" it was
 * "may be related" at best).
 */
const ASKS_IF_SAID = /^(?:có\s+)?(?:nói|nhắc|viết|đề cập|đưa tin|cho biết|noi|nhac|viet|de cap)(?:\s+(?:đến|tới|về|rằng|là|den|toi|ve))?\s+(.+?)\s+(?:hay\s+)?(?:không|chưa|khong|chua)\s*[?.!]*$/iu;

/**
 * Explicit filters ("năm:2024", "nguồn:HPĐT", "báo:SGGPO") and natural outlet mentions ("báo SGGPO").
 * `shown`: the question as read with its outlet, when it was read otherwise than typed ("báo SGGPO: …").
 */
export function readFilters(message: string, articles: readonly ArticleView[]): { text: string; articleIds: string[] | null; labels: string[]; shown?: string } {
  let text = message;
  const labels: string[] = [];
  let keep: ArticleView[] | null = null;
  const narrow = (pred: (a: ArticleView) => boolean) => {
    keep = (keep ?? [...articles]).filter(pred);
  };
  text = text.replace(/(?<![\p{L}])(năm|nam|year):\s*(\d{4})/giu, (_m, _k: string, y: string) => {
    labels.push(`năm ${y}`);
    narrow((a) => a.date?.year === Number(y));
    return '';
  });
  text = text.replace(/(?<![\p{L}])(nguồn|nguon|báo|bao|source):\s*(\S+)/giu, (_m, _k: string, o: string) => {
    labels.push(o);
    narrow((a) => a.outlet !== null && plain(a.outlet) === plain(o));
    return '';
  });
  // "báo SGGPO", "trong bài của báo HPĐT": an outlet one of the articles has.
  const outlets = [...new Set(articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))];
  let said: string | null = null;
  for (const o of outlets) {
    const re = new RegExp(`(?:trong bài (?:của )?)?(?:báo|bao|nguồn|trang)\\s+${escapeRe(o)}\\s*[:,]?`, 'iu');
    const m = re.exec(text);
    if (m) {
      labels.push(o);
      narrow((a) => a.outlet === o);
      said ??= m[0].replace(/[\s:,]+$/u, '');
      text = text.replace(re, '');
    }
  }
  const ids = keep === null ? null : (keep as ArticleView[]).map((a) => a.id);
  const asked = said === null ? null : ASKS_IF_SAID.exec(collapse(text));
  if (asked) {
    const inner = `${asked[1]!.replace(/[?.!]+$/u, '')}?`;
    return { text: inner, articleIds: ids, labels, shown: `${said}: ${inner}` };
  }
  return { text: text === message ? message : collapse(text), articleIds: ids, labels };
}

function emptyAnswer(base: Answer, patch: Partial<Answer>): Answer {
  return { ...base, answered: false, confidence: 'none', results: [], total: 0, suggestions: [], missing: [], ...patch };
}

/** "bài về Đồng Văn": the capitalised name a report is asked about (one to four words). */
const ABOUT_NAME = /(?<![\p{L}])(?:về|ve|của|cua)\s+(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/u;

/**
 * The articles whose title or subject holds the name a question asks about ("ai viết bài về Đồng Văn?"),
 * when the name is no place or name the search reads (a district the gazetteer lacks, whose syllables are
 * office words): null when there is no such name or no title holds it.
 */
function titledAbout(question: string, articles: readonly ArticleView[]): string[] | null {
  const m = ABOUT_NAME.exec(collapse(question));
  if (!m) return null;
  const name = m[1]!.split(/\s+/u).map(plain);
  const ids = articles.filter((a) => namesWhole(a.title, name) || (a.subject !== null && namesWhole(a.subject, name))).map((a) => a.id);
  return ids.length > 0 ? ids : null;
}

/**
 * Does `text` write the name (its words, compared folded) as a whole name: not a word of a longer one
 * ("Văn" of "Đồng Văn" is no "Văn nghệ" asked about)?
 */
function namesWhole(text: string, name: readonly string[]): boolean {
  const words = text.split(/[\s,.:;!?()"“”]+/u).filter(Boolean);
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((n, k) => plain(words[i + k]!) === n) && !capital(words[i - 1]) && !capital(words[i + name.length])) return true;
  }
  return false;
}

/** Facts about the reports from their metadata ("ai viết bài về Đông Hà?"). */
async function metaAnswer(engine: QaEngine, question: string, articleIds: string[] | null, previous: TurnContext | null, opts: AskOptions): Promise<ChatTurn | null> {
  const f = plain(question);
  const wants = (Object.keys(META) as Array<keyof typeof META>).filter((k) => META[k].test(f));
  const aboutArticle = /\bbai\b|\bbao\b/u.test(f);
  if (wants.length === 0 || !aboutArticle) return null;
  const all = engine.articles();
  // Which articles: those the question's place or name is about, else those of the last answer ("bài đó").
  const about = engine.about(question);
  // "những bài nào nói về Đảng bộ Khối các cơ quan?": no place or name to look up, search for it.
  if (about === null && wants.every((w) => w === 'which')) return null;
  let ids = about ?? titledAbout(question, all) ?? (/\bbai (do|ay|nay|tren)\b/u.test(f) && previous ? previous.articleIds : null);
  if (articleIds) ids = (ids ?? all.map((a) => a.id)).filter((id) => articleIds.includes(id));
  if (ids === null) ids = wants.includes('count') || wants.includes('which') ? all.map((a) => a.id) : [];
  const arts = all.filter((a) => ids!.includes(a.id));
  const probe = await engine.ask(question, { ...opts, top: 1 });
  if (arts.length === 0 || (wants.every((w) => w === 'author') && arts.every((a) => !a.author))) {
    const turn = turnOf(question, { chunkIds: [], articleIds: previous?.articleIds ?? [], quotes: [], person: null });
    return { answer: emptyAnswer(probe, { notices: probe.notices }), turn };
  }
  const facts: ReportFacts = {
    count: wants.includes('count') || wants.includes('which') ? arts.length : null,
    articles: arts.map((a) => ({ id: a.id, title: a.title, subject: a.subject, date: a.date, outlet: a.outlet, author: a.author, url: a.url, ...(a.byline !== undefined ? { byline: a.byline } : {}) })),
    links: wants.includes('link'),
  };
  // Each fact is cited by its article's lead: the first passage shown under it.
  const results: AnswerResult[] = [];
  // The place or name asked about, else the title, finds the passage that cites the article.
  const named = turnOf(question, { chunkIds: [], articleIds: [], quotes: [] }).constraints.map((c) => c.label).join(' ');
  for (const a of arts.slice(0, LIST_LIMIT)) {
    const lead = await engine.ask(named || a.title, { ...opts, top: 1, articles: [a.id] });
    const r = lead.results[0];
    if (r) results.push({ ...r, rank: results.length + 1 });
  }
  const answer: Answer = { ...probe, answered: true, confidence: 'high', missing: [], results, total: results.length, suggestions: [], facts };
  const authors = arts.flatMap((a) => (a.author ? [a.author] : []));
  const turn = turnOf(question, { chunkIds: results.map((r) => r.chunkId), articleIds: arts.map((a) => a.id), quotes: [], person: authors.length === 1 ? authors[0]! : null });
  return { answer, turn };
}

/** The words of a question about a signer besides their name ("theo", "bài của ông", "là ai", "giữ chức vụ gì"), folded. */
const SIGNER_WORDS = new Set(['theo', 'bai', 'viet', 'bao', 'cua', 'ong', 'ba', 'anh', 'chi', 'dong', 'la', 'ai', 'gi', 'giu', 'chuc', 'vu', 'danh', 'cuong', 'vi', 'nao', 'nhung', 'cac', 'nguoi', 'do', 'tac', 'gia', 'a', 'vay', 'nhi', 'oi', 'bot', 'cho', 'minh', 'hoi', 'xem', 'tim']);

/** Does the question ask only who the person is, their office or their reports, nothing the reports would have to state? */
function asksOnlySigner(question: string, name: string, authors: readonly (string | null)[]): boolean {
  const named = new Set([name, ...authors].flatMap((n) => (n ? tokenize(n).map((t) => t.folded) : [])));
  return tokenize(question).every((t) => named.has(t.folded) || SIGNER_WORDS.has(t.folded));
}

/** Asks who a person is, their office, or their reports: "X là ai?", "X giữ chức vụ gì?", "bài của ông X". */
const ASKS_SIGNER = /\bla ai\b|chuc vu|chuc danh|giu chuc|cuong vi|\bbai (viet |bao )?cua\b/u;

/**
 * A person the reports name only in their bylines ("Hồ Sỹ Trung - Phó Bí thư Thường trực Thành ủy Đông Hà" at
 * the end of a report): who they are, their office or their reports is answered with those reports' facts,
 * the byline shown whole. A passage that answers is quoted instead.
 */
async function signedAnswer(engine: QaEngine, question: string, opts: AskOptions): Promise<ChatTurn | null> {
  if (!has(question, ASKS_SIGNER)) return null;
  const names = turnOf(question, { chunkIds: [], articleIds: [], quotes: [] }).constraints.filter((c) => c.kind === 'name');
  if (names.length !== 1) return null;
  const name = names[0]!.label;
  const arts = engine
    .signedBy(name)
    .filter((id) => !opts.articles || opts.articles.includes(id))
    .map((id) => engine.article(id))
    .filter((a): a is ArticleView => a !== null);
  if (arts.length === 0) return null;
  const probe = await engine.ask(question, opts);
  if (probe.answered) return { answer: probe, turn: turnOf(question, { chunkIds: probe.results.map((r) => r.chunkId), articleIds: [...new Set(probe.results.map((r) => r.article.id))], quotes: probe.results.map((r) => r.quote) }) };
  // "Theo bài của ông X, Đông Hà kết nạp bao nhiêu đảng viên?" asks what the report says, not who X is: its
  // byline answers nothing of that, and a passage that does not answer is no answer.
  if (!asksOnlySigner(question, name, arts.map((a) => a.author))) return null;
  const facts: ReportFacts = { count: null, articles: arts.slice(0, LIST_LIMIT).map(({ paragraphs: _p, chunks: _c, ...ref }) => ref), links: false };
  // Each report is cited by its lead, as the facts of metaAnswer are.
  const results: AnswerResult[] = [];
  for (const a of arts.slice(0, LIST_LIMIT)) {
    const r = (await engine.ask(a.title, { ...opts, top: 1, offset: 0, articles: [a.id] })).results[0];
    if (r) results.push({ ...r, rank: results.length + 1 });
  }
  const answer: Answer = { ...probe, answered: true, confidence: 'high', missing: [], results, total: results.length, suggestions: [], facts };
  return { answer, turn: turnOf(question, { chunkIds: results.map((r) => r.chunkId), articleIds: arts.map((a) => a.id), quotes: [], person: name }) };
}

/** The words that ask for a list, not for a passage ("liệt kê", "được nhắc đến", "những bài nào nói về"). */
const LIST_WORDS = /(?<![\p{L}])(liệt kê|kể tên|những bài nào|các bài nào|bài nào|được nhắc đến|được nhắc tới|được đề cập|nói về|viết về|những|các|nào|mỗi)(?![\p{L}])/giu;

/**
 * "liệt kê những người được trao …", "những người nào dự …": the people of one event, which one passage
 * names, asked as "ai …"; as a list of articles it showed each report's best passage for the other words
 * (the lead), and the passage with the names was never quoted.
 */
const PEOPLE_LIST = /^(?:(?:liệt kê|kể tên|liet ke|ke ten)\s+)?((?:những|các|nhung|cac)\s+(?:người|nguoi|ai|(?:vị|vi)(?=\s+(?:nào|nao|đại biểu|dai bieu|khách|khach|lãnh đạo|lanh dao)(?![\p{L}]))|đồng chí|dong chi))(?:\s+(?:nào|nao))?\s+(?=\S)/iu;
/** A question word of its own after the people ("… là ai?", "… bao nhiêu tiền?"): asked as it stands. */
const ASKS_ITSELF = /(?<![\p{L}])(?:ai|bao nhiêu|bao nhieu|mấy|gì|đâu|khi nào|nào)(?![\p{L}])/iu;

/** "ai là những người được trao …" (the people's words kept: "những người dân …" is not "ai dân …"); "những ai dự …" as "ai dự …". */
function peopleAsked(question: string): string | null {
  const q = collapse(question);
  const m = PEOPLE_LIST.exec(q);
  if (!m) return null;
  const rest = q.slice(m[0].length);
  if (ASKS_ITSELF.test(rest)) return null;
  return /\sai$/iu.test(m[1]!) ? `ai ${rest}` : `ai là ${m[1]!} ${rest}`;
}

/**
 * "Hải Phòng có 5000 đảng viên phải không?": a figure to check. Asked as it stands, the report stating the
 * real one was no answer (its number is not the one typed); asked as the count ("Hải Phòng có bao nhiêu
 * đảng viên?"), the report's own figure is quoted for the user to compare. A year ("năm 2024") is no figure.
 */
const FIGURE_CHECKED = /^(.+?)\s+(?<!năm\s)(?<!nam\s)(\d[\d.,]*)\s+(\p{L}+(?:\s+\p{L}+){0,5}?)\s*,?\s*(?:(?:có\s+)?(?:phải|đúng)\s+không|(?:co\s+)?(?:phai|dung)\s+khong|không|khong)\s*[?!.…]*$/iu;

function figureChecked(question: string): string | null {
  const m = FIGURE_CHECKED.exec(collapse(question));
  if (!m || ASKS_ITSELF.test(m[1]!) || ASKS_ITSELF.test(m[3]!)) return null;
  // Typed without marks, the question word is too, so that the reading of the rest is not mixed.
  return `${m[1]} ${fold(m[0]) === m[0] ? 'bao nhieu' : 'bao nhiêu'} ${m[3]}?`;
}

/**
 * Words that alone are too seldom a figure in a question to check: "năm" is the year ("năm nay có … không?"),
 * "một" an article ("có một số … không?"). Inside a numeral of several words they are read ("năm mươi").
 */
const NO_FIGURE_ALONE = new Set(['nam', 'mot']);
/**
 * Typed without marks, these magnitudes are as often a noun ("hai tram y te": two health stations, "trạm"; "ngan"
 * of "ngăn"): a figure ending on one before another word is not read, and the question is asked as typed.
 */
const NOUN_LIKE_MAGNITUDES = new Set(['tram', 'ngan']);

/**
 * "Xuân Lộc khởi công ba mươi lăm dự án phải không?": the question with its one figure typed in words
 * (text/numerals.ts) written in digits, for figureChecked; the question as typed when it has none or several.
 */
function figureInWords(question: string): string {
  const tokens = tokenize(question);
  const unaccented = tokens.every((t) => t.term === t.folded);
  const found = numeralsIn(question, tokens, { unaccented, countedAt: (j) => !NO_FIGURE_ALONE.has(tokens[j - 1]!.folded) });
  if (found.length !== 1) return question;
  const n = found[0]!;
  if (unaccented && n.end < tokens.length && !tokens[n.end]!.isNumber && NOUN_LIKE_MAGNITUDES.has(tokens[n.end - 1]!.folded)) return question;
  return `${question.slice(0, tokens[n.start]!.start)}${n.value}${question.slice(tokens[n.end - 1]!.end)}`;
}

/** One line per article: the best passage of each, up to LIST_LIMIT. */
async function listAnswer(engine: QaEngine, question: string, opts: AskOptions): Promise<Answer> {
  const core = collapse(question.replace(LIST_WORDS, ' ')).replace(/^[\s,:?]+/u, '');
  const wide = await engine.ask(core || question, { ...opts, top: LIST_LIMIT * 3, offset: 0 });
  const seen = new Set<string>();
  const results = wide.results.filter((r) => !seen.has(r.article.id) && seen.add(r.article.id) !== undefined);
  const offset = opts.offset ?? 0;
  const page = results.slice(offset, offset + (opts.top ?? LIST_PAGE)).map((r, i) => ({ ...r, rank: offset + i + 1 }));
  return { ...wide, interpreted: question, results: page, total: Math.min(results.length, LIST_LIMIT) };
}

/** "so sánh A và B", "A hay B nhiều hơn": the sides, as written. */
export function compareSides(question: string): { measure: string; sides: string[]; english?: true } | null {
  const q = collapse(question).replace(/[?.!]+$/u, '');
  const m = /^so sánh\s+(.+?)\s+(?:của|giữa|ở|tại)\s+(.+?)\s+(?:và|với)\s+(.+)$/iu.exec(q);
  if (m) return { measure: m[1]!, sides: [m[2]!, m[3]!] };
  const h = /^(.+?)\s+hay\s+(.+?)\s+(?:có\s+)?(nhiều|ít|cao|thấp)\s+(.+?)\s+hơn$/iu.exec(q);
  if (h) return { measure: h[4]!, sides: [h[1]!, h[2]!] };
  return placesCompared(q) ?? englishCompared(q);
}

/**
 * "Compare the number of party members of Ha Tinh and Nghe An", "compare party members in Hai Phong and
 * Hue": the measure runs to the last "of"/"in" before two places (typed without marks, as English users do).
 */
function englishCompared(q: string): { measure: string; sides: string[]; english: true } | null {
  const m = /^compare\s+(?:the\s+)?(.+)\s+(?:of|in|between|for|at)\s+(.+?)\s+(?:and|with|to|vs\.?)\s+(.+)$/iu.exec(q);
  if (!m) return null;
  const place = (side: string) => findPlaces(side, tokenize(side), true).length === 1 && side.split(' ').length <= MAX_SIDE_WORDS;
  return place(m[2]!) && place(m[3]!) ? { measure: m[1]!, sides: [m[2]!, m[3]!], english: true } : null;
}

/**
 * "so sánh số đảng viên Hà Tĩnh và Nghệ An": no "của" between the measure and the sides, so the first
 * side starts at its place; both sides must be places, else the words cannot be told apart.
 */
function placesCompared(q: string): { measure: string; sides: string[] } | null {
  const m = /^so sánh\s+(.+?)\s+(?:và|với)\s+(.+)$/iu.exec(q);
  if (!m) return null;
  const [left, right] = [m[1]!, m[2]!];
  const split = splitAtPlace(left);
  if (!split || placesIn(right).length !== 1 || right.split(' ').length > MAX_SIDE_WORDS) return null;
  return split.unit === '' ? null : { measure: split.unit, sides: [split.place, right] };
}

/**
 * "số đảng viên tỉnh Hà Tĩnh" cut where its first place starts, the place word ("tỉnh") going with the
 * place; null when no place follows some words.
 */
function splitAtPlace(text: string): { unit: string; place: string } | null {
  const tokens = tokenize(text);
  const first = findPlaces(text, tokens, false)[0];
  if (!first || first.first === 0) return null;
  const at = tokens[first.first]!.start;
  const word = /\s(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã)$/iu.exec(text.slice(0, at).trimEnd());
  const cut = word ? word.index : at;
  return { unit: text.slice(0, cut).trim(), place: text.slice(cut).trim() };
}

/** A year written on a side ("Nghệ An năm 2024"). */
const SIDE_YEAR = /\s*(?:(?:năm|nam|in)\s+)?(?<!\d)(?:19|20)\d{2}(?!\d)/iu;

/**
 * "so sánh số đảng viên (của) Hà Tĩnh và Nghệ An năm 2024", "Hà Tĩnh năm 2023 hay Nghệ An có nhiều …": a
 * year typed on one side only is asked of both (else the other side is answered from any year's report).
 */
function yearOnBothSides<T extends { measure: string; sides: string[] }>(sides: T): T {
  const years = sides.sides.map((s) => SIDE_YEAR.exec(s)?.[0].trim() ?? null);
  const year = years.find((y) => y !== null);
  if (!year || years.every((y) => y !== null)) return sides;
  return { ...sides, measure: `${sides.measure} ${year}`, sides: sides.sides.map((s) => s.replace(SIDE_YEAR, '').trim()) };
}

/** Two years side by side ("năm 2024 so với 2023", "năm 2023 và năm 2024"), typed with marks or without. */
const TWO_YEARS = /(?<![\p{L}])(?:năm|nam)\s+((?:19|20)\d{2})\s+(?:so với|so voi|và|va|với|voi)\s+(?:(?:năm|nam)\s+)?((?:19|20)\d{2})(?!\d)/iu;

/**
 * "Số đảng viên Hà Tĩnh năm 2024 so với 2023": no one report states both years, so the question is asked
 * of each year in turn (`whole`: the sides are whole questions).
 */
export function yearSides(question: string): { measure: string; sides: string[]; whole: true } | null {
  const q = collapse(question).replace(/[?.!]+$/u, '');
  const m = TWO_YEARS.exec(q);
  if (!m || m[1] === m[2]) return null;
  const base = q.replace(/^so sánh\s+/iu, '');
  return { measure: base, sides: [m[1]!, m[2]!].map((y) => countQuestion(base.replace(TWO_YEARS, `năm ${y}`))), whole: true };
}

/**
 * "Số đảng viên Nghệ An năm 2023" asked as "Nghệ An năm 2023 có bao nhiêu đảng viên": the sentence with the
 * figure, not any passage of that year that names the unit (as compareAnswer asks a place's side).
 */
function countQuestion(side: string): string {
  const m = /^(?:số lượng|số)\s+(.+)$/iu.exec(side);
  if (!m) return side;
  const split = splitAtPlace(m[1]!);
  if (!split) return side;
  // "đảng viên của tỉnh Hà Tĩnh": the unit without the word that led to the place.
  return `${split.place} có bao nhiêu ${split.unit.replace(/\s+(?:của|ở|tại|trong)$/iu, '')}`;
}

/** compareSides(), where "A hay B có nhiều X hơn" asks how many X each has ("Hải Phòng có bao nhiêu tổ chức đảng"). */
function countedSides(question: string): { measure: string; sides: string[]; english?: true } | null {
  const sides = compareSides(question);
  if (!sides || !has(question, /\s(nhieu|it)\s.+\shon\W*$/u) || /^(so|so luong|ty le|ti le)\s/u.test(plain(sides.measure))) return sides;
  return { ...sides, measure: `số ${sides.measure}` };
}

/** At most this many words to a side of "A và B có …": a place with its place word ("thành phố Hải Phòng"). */
const MAX_SIDE_WORDS = 5;

/**
 * "Hải Phòng và Nghệ An có bao nhiêu tổ chức đảng?": a question asked of two places at once, which no one
 * report answers; asked of each (`asks`: what follows the places). Null unless both sides are places.
 */
export function placeSides(question: string): { measure: string; sides: string[]; asks: true } | null {
  const m = /^(.+?)\s*(?:,|\svà\s|\svới\s)\s*(.+?)\s+((?:có|đã|được|đều|cùng)\s.+)$/iu.exec(collapse(question).replace(/[?.!]+$/u, ''));
  if (!m) return null;
  const place = (side: string) => placesIn(side).length === 1 && side.split(' ').length <= MAX_SIDE_WORDS;
  return place(m[1]!) && place(m[2]!) ? { measure: m[3]!, sides: [m[1]!, m[2]!], asks: true } : null;
}

/**
 * "Nghệ An và Hà Tĩnh ai có nhiều chi bộ hơn?", "… bên nào có ít …": how many of X each place has. Read by
 * placeSides, "ai" went with the second place ("Hà Tĩnh ai", which no report names) and "có nhiều chi bộ
 * hơn" was asked as it stands. Null unless both sides are places.
 */
export function whichSides(question: string): { measure: string; sides: string[] } | null {
  const m = /^(.+?)\s*(?:,|\svà\s|\svới\s)\s*(.+?)\s*,?\s+(?:ai|bên nào|nơi nào|(?:tỉnh|thành phố|địa phương|đảng bộ|huyện|đơn vị) nào)\s+(?:có\s+|đã\s+)?(?:nhiều|ít)\s+(.+?)\s+hơn$/iu.exec(collapse(question).replace(/[?.!]+$/u, ''));
  if (!m) return null;
  const place = (side: string) => placesIn(side).length === 1 && side.split(' ').length <= MAX_SIDE_WORDS;
  return place(m[1]!) && place(m[2]!) ? { measure: `số ${m[3]!}`, sides: [m[1]!, m[2]!] } : null;
}

/** One quote per side, each asked with that side as its constraint. */
async function compareAnswer(engine: QaEngine, sides: { measure: string; sides: string[]; asks?: true; whole?: true; english?: true }, opts: AskOptions): Promise<Answer> {
  // "số đảng viên" of a side is asked as "<side> có bao nhiêu đảng viên": the sentence with the figure.
  const count = /^(?:số|số lượng)\s+(.+)$/iu.exec(sides.measure);
  const englishCount = /^(?:number|total|count)\s+of\s+(.+)$/iu.exec(sides.measure) ?? /^((?:new\s+)?party\s+(?:members|cells|branches|organi[sz]ations))$/iu.exec(sides.measure);
  const askSide = (side: string) =>
    sides.whole ? side
    : sides.asks ? `${side} ${sides.measure}`
    : count ? `${side} có bao nhiêu ${count[1]}`
    : sides.english ? (englishCount ? `How many ${englishCount[1]} in ${side}?` : `${sides.measure} of ${side}`)
    : `${sides.measure} của ${side}`;
  const answers = await Promise.all(sides.sides.map((s) => engine.ask(askSide(s), { ...opts, top: 1, offset: 0 })));
  const results = answers.flatMap((a) => a.results.slice(0, 1)).map((r, i) => ({ ...r, rank: i + 1 }));
  const missing = sides.sides.filter((_, i) => answers[i]!.results.length === 0);
  const base = answers[0]!;
  // Every place quoted, some of them surely: an answer, each unsure side said so before the quotes. As
  // wholly unsure ("Chưa có câu trả lời chắc chắn"), the side the reports do answer was hidden among
  // passages "có thể liên quan".
  const sure = answers.map((a) => a.confidence === 'high');
  // Not two years of one place ("… năm 2024 so với năm 2023"): a year no report counts leaves no comparison to make.
  const mixed = sides.whole !== true && missing.length === 0 && sure.some(Boolean) && answers.every((a) => a.results.length > 0);
  const confidence = results.length === 0 ? 'none' : sure.every(Boolean) || mixed ? 'high' : 'low';
  const unsure: Notice[] = mixed ? sides.sides.filter((_, i) => !sure[i]).map((side) => ({ kind: 'unsure-side', side })) : [];
  // Read as one question per side, and shown so ("Hiểu là: Hải Phòng có …; Nghệ An có …"), not as the first side alone;
  // an English comparison's sides as asked in English, since the search's reading of them is Vietnamese words.
  const interpreted = sides.english ? sides.sides.map(askSide).join('; ') : answers.map((a) => a.interpreted).join('; ');
  // Each side's figure that is a body's inside its place is said so, not only the first side's.
  const notices = [...base.notices, ...answers.slice(1).flatMap((a) => a.notices.filter((n) => n.kind === 'narrower-body')), ...unsure];
  return { ...base, interpreted, answered: confidence === 'high', confidence, results, total: results.length, missing, suggestions: [], notices };
}

/** "chi tiết hơn", "nói rõ hơn", "xem thêm", "tell me more": more of what the last answer quoted. */
const MORE = /^(?:(?:cho|noi|giai thich|viet|tra loi) )?(?:(?:toi|minh|em) )?(?:(?:xem|biet) )?(?:chi tiet|cu the|ro) hon(?: (?:nua|duoc khong|di))?$|^(?:cho )?(?:xem|them) (?:them|chi tiet)(?: (?:nua|di))?$|^(?:tell me )?more(?: details?)?(?: please)?$/u;

/**
 * The last question again, in the article its best answer quoted, leaving out the passages it showed:
 * the rest of that report, best first. Null when the message asks for no more, or nothing was quoted.
 */
async function moreAnswer(engine: QaEngine, message: string, previous: TurnContext | null, opts: AskOptions): Promise<ChatTurn | null> {
  if (!previous || previous.articleIds.length === 0 || !MORE.test(plain(message).replace(/[?.!…\s]+$/u, '').trim())) return null;
  const top = opts.top ?? LIST_PAGE;
  const inArticle = { ...opts, articles: previous.articleIds.slice(0, 1), top: top + previous.chunkIds.length, offset: 0 };
  const unseen = (a: Answer) => a.results.filter((r) => !previous.chunkIds.includes(r.chunkId)).slice(0, top).map((r, i) => ({ ...r, rank: i + 1 }));
  let wide = await engine.ask(previous.question, inArticle);
  let results = unseen(wide);
  // The question found nothing else there: the report's other passages, as its title finds them (lead first).
  const title = engine.articles().find((a) => a.id === previous.articleIds[0])?.title;
  if (results.length === 0 && title) {
    wide = await engine.ask(title, inArticle);
    results = unseen(wide);
  }
  if (results.length === 0) return null;
  // The rest of a report, not an answer to the last question: never shown as a confident one (the
  // passage the engine was sure of is the one left out).
  const answer: Answer = { ...wide, question: collapse(message), interpreted: previous.question, results, total: results.length, answered: false, confidence: 'low' };
  return { answer, turn: { ...previous, chunkIds: [...previous.chunkIds, ...results.map((r) => r.chunkId)] } };
}

const LATEST = /(muon|moi|gan day|sau) nhat|sau cung/u;
const EARLIEST = /(som|dau) nhat|dau tien/u;

/**
 * "hội nghị nào diễn ra muộn nhất?" after a list: the latest (or earliest) of the last answer's
 * articles by date; a date without a year takes the year the last question asked about.
 */
function byDate(engine: QaEngine, question: string, previous: TurnContext | null): { id: string; when: string | null } | null {
  const f = plain(question);
  const latest = LATEST.test(f);
  if (!previous || previous.articleIds.length < 2 || (!latest && !EARLIEST.test(f))) return null;
  const year = Number(previous.constraints.find((c) => c.kind === 'year')?.label ?? 0);
  const dated = engine
    .articles()
    .filter((a) => previous.articleIds.includes(a.id) && a.date?.month !== undefined)
    .map((a) => ({ id: a.id, when: a.date!.raw ?? null, key: ((a.date!.year ?? year) * 100 + (a.date!.month ?? 0)) * 100 + (a.date!.day ?? 0) }))
    .sort((a, b) => a.key - b.key);
  if (dated.length === 0) return null;
  return latest ? dated[dated.length - 1]! : dated[0]!;
}

/** Answers one message of a chat. `previous`: the chat's last turn, null for a new chat. */
export async function converse(engine: QaEngine, message: string, previous: TurnContext | null, opts: AskOptions = {}): Promise<ChatTurn> {
  const filters = readFilters(message, engine.articles());
  const follow = readFollowUp(filters.text, previous);
  if (follow.needsWho) {
    const probe = await engine.ask(filters.text, { ...opts, top: 1 });
    const answer = emptyAnswer(probe, { question: message, interpreted: message, notices: [{ kind: 'ask-who' }] });
    return { answer, turn: { question: message, constraints: [], measure: null, person: null, chunkIds: [], articleIds: [], pendingWho: filters.text } };
  }
  const question = follow.question;
  const restrict = [filters.articleIds, follow.articleIds].filter((x): x is string[] => x !== null);
  const articles = restrict.length === 0 ? undefined : restrict.reduce((a, b) => a.filter((id) => b.includes(id)));
  const askOpts: AskOptions = { ...opts, ...(articles ? { articles } : {}) };
  const typed = { question: collapse(message), interpreted: follow.interpreted ?? filters.shown ?? undefined };
  const finish = (answer: Answer, turn?: TurnContext): ChatTurn => {
    const shown: Answer = { ...answer, question: typed.question, interpreted: typed.interpreted ?? answer.interpreted };
    // "cảm ơn", "xin chào" asked nothing: the chat goes on about what it was about.
    if (previous && answer.notices.some((n) => n.kind === 'empty-question')) return { answer: shown, turn: previous };
    return {
      answer: shown,
      turn:
        turn ??
        turnOf(question, {
          chunkIds: answer.results.map((r) => r.chunkId),
          articleIds: [...new Set(answer.results.map((r) => r.article.id))],
          quotes: answer.results.map((r) => r.quote),
        }),
    };
  };

  // "hội nghị đó …", "chi tiết hơn" about an article removed since: searching the others would answer about
  // another meeting, and "the reports do not answer" would hide why.
  if (previous && previous.articleIds.length > 0 && (follow.articleIds !== null || MORE.test(plain(message).replace(/[?.!…\s]+$/u, '').trim()))) {
    const present = new Set(engine.articles().map((a) => a.id));
    if (!previous.articleIds.some((id) => present.has(id))) {
      const probe = await engine.ask(question, { ...opts, top: 1 });
      return finish(emptyAnswer(probe, { notices: [{ kind: 'article-gone' }] }));
    }
  }
  const more = await moreAnswer(engine, message, previous, opts);
  if (more) return more;
  const pick = byDate(engine, message, previous);
  if (pick) {
    const context = previous!.constraints.map((c) => (c.kind === 'year' ? `năm ${c.label}` : c.label));
    typed.interpreted = context.length > 0 ? `${collapse(message).replace(/[?.!]+$/u, '')} (${context.join(', ')})?` : undefined;
    // The passage that states the article's date answers "which one is the latest".
    return finish(await engine.ask(pick.when ?? question, { ...askOpts, articles: [pick.id] }));
  }
  const meta = await metaAnswer(engine, question, askOpts.articles ? [...askOpts.articles] : null, previous, askOpts);
  if (meta) return finish(meta.answer, meta.turn);
  const signed = await signedAnswer(engine, question, askOpts);
  if (signed) return finish(signed.answer, signed.turn);
  const f = plain(question);
  const sides = yearSides(question) ?? (has(question, IS_COMPARE) ? countedSides(question) : (whichSides(question) ?? placeSides(question)));
  if (sides) return finish(await compareAnswer(engine, 'whole' in sides ? sides : yearOnBothSides(sides), askOpts));
  const people = peopleAsked(question);
  if (people) return finish(await engine.ask(people, askOpts));
  const checked = figureChecked(question) ?? figureChecked(figureInWords(question));
  if (checked) return finish(await engine.ask(checked, askOpts));
  if (IS_LIST.test(f)) return finish(await listAnswer(engine, question, askOpts));
  if (/chup anh|anh cua ai|tac gia anh/u.test(f)) {
    // Photo credits sit in captions ("Ảnh: Thanh Lê"), in the articles in question.
    const inArticles = askOpts.articles ?? engine.about(question) ?? undefined;
    const wide = await engine.ask('Ảnh', { ...askOpts, ...(inArticles ? { articles: inArticles } : {}), top: 20, offset: 0 });
    const credits = wide.results.filter((r) => /(?<![\p{L}])Ảnh\s*:/u.test(r.quote)).map((r, i) => ({ ...r, rank: i + 1 }));
    if (credits.length > 0) return finish({ ...wide, results: credits.slice(0, opts.top ?? 3), total: credits.length });
  }
  const answer = await engine.ask(question, askOpts);
  // "năm ngoái ai chủ trì?" in a chat that named no year: whichever report answers, it is not known to be last year's.
  if (follow.unanchored && answer.results.length > 0) return finish({ ...answer, answered: false, confidence: 'low' });
  return finish(answer);
}
