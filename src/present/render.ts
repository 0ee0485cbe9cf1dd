/**
 * Pure renderers: an Answer (and the other engine views) as Telegram HTML messages or as terminal text.
 *
 * Telegram HTML rules kept here: only tags Telegram supports (b, i, a href, blockquote [expandable]),
 * every piece of corpus or user text escaped (& < > and "), each message at most 4096 characters
 * after entity parsing, and a message is split only between results. A single result too long for one
 * message gets its quote cut at a word boundary with "…", on the raw text before escaping, so a cut can
 * never fall inside a tag or an entity.
 */
import { localizeLine, operatorText } from '../text/operator.js';
import type { ArticleView, ChunkView, EngineStatus } from '../engine/types.js';
import type { Answer, AnswerResult, ArticleRef, Lang, Notice, Span } from '../answer/types.js';
import { cutAtWord, cutWithEllipsis, fold, safeOffset, squash } from '../text/normalise.js';
import { ARTICLE_LABELS, askWhoText, factLines, factsTitle, STATUS_LABELS, exampleLines, formatDate, formatTimestamp, interpretedText, missingText, noticeText, withinText, pageLabel, paragraphLabel, paragraphsCount, resultsRangeText, t } from './messages.js';

/** Telegram's limit on a message's text, after entity parsing (UTF-16 code units). */
export const TELEGRAM_MAX_MESSAGE = 4096;
/** Titles longer than this are shortened in citations. */
const MAX_TITLE = 300;
/** Notice reasons longer than this are shortened. */
const MAX_NOTICE = 600;

export interface HtmlRenderOptions {
  /** Visible characters per message (default 4096). */
  maxLength?: number;
}

export interface PlainRenderOptions {
  /** Mark highlights with ANSI bold (for a terminal). Default false: no marks. */
  ansi?: boolean;
}

// ---------------------------------------------------------------------------------------------
// HTML basics

/** Escapes text for Telegram HTML (text and attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    const code = e.startsWith('#x') || e.startsWith('#X') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return '';
    }
  });
}

/** The length Telegram counts for an HTML message: tags removed, entities decoded, UTF-16 units. */
export function htmlVisibleLength(html: string): number {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).length;
}

/** Turns the HTML this module produces into plain text (links become "title (url)"). */
export function htmlToPlain(html: string): string {
  const withLinks = html.replace(/<a\s+href="([^"]*)"\s*>([\s\S]*?)<\/a>/g, (_m, href: string, inner: string) => {
    const url = decodeEntities(href);
    const label = inner.replace(/<[^>]*>/g, '');
    return decodeEntities(label) === url ? label : `${label} (${href})`;
  });
  return decodeEntities(withLinks.replace(/<[^>]*>/g, ''));
}

/** Only http(s) URLs become links; anything else is shown as plain text or dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Highlights

/** Sorted, clipped to [0, len], overlapping/adjacent spans merged, empty spans dropped, surrogate-safe. */
export function normalizeSpans(spans: readonly Span[], text: string): [number, number][] {
  const len = text.length;
  const clipped: [number, number][] = [];
  for (const [a, b] of spans) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    let s = Math.max(0, Math.min(len, Math.floor(Math.min(a, b))));
    let e = Math.max(0, Math.min(len, Math.ceil(Math.max(a, b))));
    s = safeOffset(text, s);
    if (safeOffset(text, e) !== e) e += 1; // an end inside a surrogate pair moves past it
    if (e > s) clipped.push([s, e]);
  }
  clipped.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

function markSpans(text: string, spans: readonly Span[], open: string, close: string, esc: (s: string) => string): string {
  // Words highlighted one after the other read better as one run: "<b>thành phố</b>".
  const runs: [number, number][] = [];
  for (const span of normalizeSpans(spans, text)) {
    const last = runs[runs.length - 1];
    if (last && /^[ \u00a0]+$/.test(text.slice(last[1], span[0]))) last[1] = span[1];
    else runs.push(span);
  }
  let out = '';
  let pos = 0;
  for (const [s, e] of runs) {
    out += esc(text.slice(pos, s)) + open + esc(text.slice(s, e)) + close;
    pos = e;
  }
  return out + esc(text.slice(pos));
}

/** The quote as HTML with highlights in <b>. */
export function highlightHtml(quote: string, spans: readonly Span[], answer: readonly Span[] = []): string {
  if (answer.length === 0) return markSpans(quote, spans, '<b>', '</b>', escapeHtml);
  // The answer underlined, the question's words in bold around it: one mark per character, never nested.
  const marks = normalizeSpans(answer, quote);
  const inAnswer = (a: number, b: number) => marks.some(([s, e]) => a < e && b > s);
  const bold = normalizeSpans(spans, quote).filter(([a, b]) => !inAnswer(a, b));
  const events = [...marks.map(([a, b]) => [a, b, 'u'] as const), ...bold.map(([a, b]) => [a, b, 'b'] as const)].sort((x, y) => x[0] - y[0]);
  let out = '';
  let pos = 0;
  for (const [a, b, tag] of events) {
    if (a < pos) continue;
    out += `${escapeHtml(quote.slice(pos, a))}<${tag}>${escapeHtml(quote.slice(a, b))}</${tag}>`;
    pos = b;
  }
  return out + escapeHtml(quote.slice(pos));
}

const ANSI_BOLD = '\x1b[1m';
const ANSI_RESET_BOLD = '\x1b[22m';

/** The quote as terminal text, highlights in ANSI bold when asked. */
export function highlightPlain(quote: string, spans: readonly Span[], ansi: boolean): string {
  return ansi ? markSpans(quote, spans, ANSI_BOLD, ANSI_RESET_BOLD, (s) => s) : quote;
}

// ---------------------------------------------------------------------------------------------
// Citations

function titleHtml(article: ArticleRef, bold = true): string {
  const title = escapeHtml(cutWithEllipsis(article.title.trim() || '—', MAX_TITLE));
  const url = safeUrl(article.url);
  if (url) return `<a href="${escapeHtml(url)}">${title}</a>`;
  return bold ? `<b>${title}</b>` : title;
}

function sourceParts(article: ArticleRef, lang: Lang): string[] {
  // The place first when the title does not name it: a quote never reads as another province's.
  const parts: string[] = article.subject ? [article.subject] : [];
  const date = formatDate(article.date, lang);
  if (date) parts.push(date);
  if (article.outlet) parts.push(article.outlet);
  if (article.author) parts.push(article.author);
  return parts;
}

/** Where a quote sits in its article: paragraph number(s), page (pdf), whether it is a photo caption, its heading. */
interface Place {
  article: ArticleRef;
  paragraph: number;
  paragraphEnd: number;
  context: string | null;
  kind?: 'paragraph' | 'caption' | undefined;
  page?: number | undefined;
}

/** "trang 3", "đoạn 4": the page (paged sources only) and the paragraph. */
function placeParts(place: Place, lang: Lang): string[] {
  const para = paragraphLabel(place.paragraph, place.paragraphEnd, lang, place.kind);
  return place.page !== undefined ? [pageLabel(place.page, lang), para] : [para];
}

/** "[1] Title · 16/10/2024 · HPĐT · trang 2 · đoạn 4 · mục “…”" as HTML. */
function citationHtml(place: Place, lang: Lang, rank: number | null): string {
  const { article, context } = place;
  const parts = [titleHtml(article), ...sourceParts(article, lang).map(escapeHtml), ...placeParts(place, lang).map(escapeHtml)];
  let line = parts.join(' · ');
  if (context && context.trim()) {
    const label = lang === 'en' ? 'section' : 'mục';
    line += ` · <i>${label} “${escapeHtml(cutWithEllipsis(context.trim(), 200))}”</i>`;
  }
  return rank === null ? `— ${line}` : `<b>[${rank}]</b> ${line}`;
}

function citationPlain(place: Place, lang: Lang): string {
  const parts = [place.article.title.trim() || '—', ...sourceParts(place.article, lang), ...placeParts(place, lang)];
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Answers as HTML

function resultHtml(r: AnswerResult, lang: Lang, quote: string, spans: readonly Span[], answer: readonly Span[] = []): string {
  return `<blockquote>${highlightHtml(quote, spans, answer)}</blockquote>\n${citationHtml(r, lang, r.rank)}`;
}

/** One result as HTML within `budget` visible characters (its quote cut at a word boundary if needed). */
export function renderResultHtml(r: AnswerResult, lang: Lang, budget: number = TELEGRAM_MAX_MESSAGE): string {
  const full = resultHtml(r, lang, r.quote, r.highlights, r.answer ?? []);
  if (htmlVisibleLength(full) <= budget) return full;
  const overhead = htmlVisibleLength(resultHtml(r, lang, '', []));
  const room = Math.max(1, budget - overhead - 1);
  // The quote is longer than room + 1 here (the full result did not fit), so this always cuts.
  const cut = cutWithEllipsis(r.quote, room + 1);
  const kept = cut.length - 1;
  const clip = (xs: readonly Span[]) => xs.map(([a, b]) => [Math.min(a, kept), Math.min(b, kept)] as const);
  return resultHtml(r, lang, cut, clip(r.highlights), clip(r.answer ?? []));
}

/** Packs pieces into messages joined by a blank line, never splitting a piece. */
function pack(pieces: string[], budget: number): string[] {
  const out: string[] = [];
  let current = '';
  let currentLen = 0;
  for (const piece of pieces) {
    const len = htmlVisibleLength(piece);
    if (current === '') {
      current = piece;
      currentLen = len;
    } else if (currentLen + 2 + len <= budget) {
      current += `\n\n${piece}`;
      currentLen += 2 + len;
    } else {
      out.push(current);
      current = piece;
      currentLen = len;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Notices the reply's own text says (a refusal's "did you mean …?" sits under its reason). */
const IN_REPLY = new Set<Notice['kind']>(['empty-question', 'ask-who', 'did-you-mean', 'article-gone', 'narrower-body', 'unsure-side']);

/** Whose figure the quotes give when it is a body's inside the place asked, and which side of a comparison they are unsure for: said before them. */
function scopeLines(answer: Answer, lang: Lang): string[] {
  return answer.notices.filter((n) => n.kind === 'narrower-body' || n.kind === 'unsure-side').map((n) => noticeText(n, lang));
}

function didYouMean(answer: Answer, lang: Lang): string[] {
  return answer.notices.filter((n) => n.kind === 'did-you-mean').map((n) => noticeText(n, lang));
}

function noticesHtml(answer: Answer, lang: Lang): string | null {
  const lines = answer.notices
    .filter((n) => !IN_REPLY.has(n.kind))
    .map((n) => `<i>ℹ️ ${escapeHtml(cutWithEllipsis(noticeText(n, lang), MAX_NOTICE))}</i>`);
  return lines.length > 0 ? lines.join('\n') : null;
}

function emptyQuestionNotice(answer: Answer): Extract<Notice, { kind: 'empty-question' }> | undefined {
  return answer.notices.find((n): n is Extract<Notice, { kind: 'empty-question' }> => n.kind === 'empty-question');
}

/** The hint for an empty question: how to ask, with examples (the index's own when known). */
export function renderEmptyQuestionHtml(lang: Lang, examples?: readonly string[]): string {
  return [escapeHtml(t('emptyQuestion', lang)), ...exampleLines(examples).map(escapeHtml)].join('\n');
}

function suggestionLineHtml(a: ArticleRef, lang: Lang): string {
  const date = formatDate(a.date, lang);
  return `• ${titleHtml(a, false)}${date ? ` (${escapeHtml(date)})` : ''}`;
}

/** The closest articles not already named as reports on a place inside the one asked (answer.within). */
function suggestionsBeyondWithin(answer: Answer): ArticleRef[] {
  const named = new Set((answer.within ?? []).flatMap((w) => w.articles.map((a) => a.id)));
  return answer.suggestions.filter((a) => !named.has(a.id));
}

/** The reply when the reports do not answer: why (a place or name they never state, or nothing close enough) and the closest articles. */
function notFoundHtml(answer: Answer, lang: Lang): string {
  const empty = emptyQuestionNotice(answer);
  if (empty) return renderEmptyQuestionHtml(lang, empty.examples);
  if (answer.notices.some((n) => n.kind === 'ask-who')) return escapeHtml(askWhoText(lang));
  const gone = answer.notices.find((n) => n.kind === 'article-gone');
  if (gone) return escapeHtml(noticeText(gone, lang));
  const missing = answer.missing.length > 0;
  const lines = [escapeHtml(missing ? missingText(answer.missing, lang) : t('notFound', lang)), ...didYouMean(answer, lang).map(escapeHtml)];
  for (const w of answer.within ?? []) lines.push('', escapeHtml(withinText(w, lang)), ...w.articles.map((a) => suggestionLineHtml(a, lang)));
  const rest = suggestionsBeyondWithin(answer);
  if (rest.length > 0) {
    lines.push('', escapeHtml(t(missing ? 'nearestIntro' : 'suggestionsIntro', lang)), ...rest.map((a) => suggestionLineHtml(a, lang)));
  }
  return lines.join('\n');
}

/** "Hiểu là: …" when the search read the question otherwise than it was typed (repairs, not just chat words). */
function readAs(answer: Answer): string | null {
  const typed = squash(fold(answer.question)).replace(/[^\p{L}\p{N} ]/gu, '');
  const read = squash(fold(answer.interpreted)).replace(/[^\p{L}\p{N} ]/gu, '');
  return read !== '' && !typed.includes(read) ? answer.interpreted : null;
}

/**
 * An answer as Telegram HTML messages (parse_mode HTML), each at most `maxLength` visible characters,
 * split only between results.
 */
export function renderAnswerHtml(answer: Answer, lang: Lang, opts: HtmlRenderOptions = {}): string[] {
  const budget = Math.max(200, Math.min(opts.maxLength ?? TELEGRAM_MAX_MESSAGE, TELEGRAM_MAX_MESSAGE));
  const notices = noticesHtml(answer, lang);
  const read = readAs(answer);
  const readLine = read ? `<i>${escapeHtml(cutWithEllipsis(interpretedText(read, lang), MAX_NOTICE))}</i>` : null;
  if (answer.results.length === 0) {
    return pack([[readLine, notFoundHtml(answer, lang)].filter(Boolean).join('\n'), ...(notices ? [notices] : [])], budget);
  }
  const first = answer.results[0]!;
  const last = answer.results[answer.results.length - 1]!;
  const range =
    first.rank > 1 || answer.total > answer.results.length
      ? `<i>${escapeHtml(resultsRangeText(first.rank, last.rank, Math.max(answer.total, last.rank), lang))}</i>`
      : null;
  const low = answer.confidence === 'low' ? `<b>${escapeHtml(t('lowConfidence', lang))}</b>` : null;
  // A side of a comparison the reports never state: said, not left for the reader to notice.
  const gap = answer.missing.length > 0 ? escapeHtml(missingText(answer.missing, lang)) : null;
  const scope = scopeLines(answer, lang).map(escapeHtml).join('\n') || null;
  const factList = answer.facts ? factLines(answer.facts, lang) : [];
  const facts = factList.length ? [`<b>${escapeHtml(factsTitle(lang))}</b>`, ...factList.map((f) => `• ${escapeHtml(cutWithEllipsis(f, MAX_NOTICE))}`)].join('\n') : null;
  const header = [readLine, facts, gap, scope, low, range].filter(Boolean).join('\n') || null;
  const pieces = answer.results.map((r, i) => {
    if (i === 0 && header) return `${header}\n${renderResultHtml(r, lang, budget - htmlVisibleLength(header) - 1)}`;
    return renderResultHtml(r, lang, budget);
  });
  if (notices) pieces.push(notices);
  return pack(pieces, budget);
}

// ---------------------------------------------------------------------------------------------
// Answers as terminal text

/** The same answer as terminal text: quotes in “ ”, highlights in ANSI bold when `ansi` is set. */
export function renderAnswerPlain(answer: Answer, lang: Lang, opts: PlainRenderOptions = {}): string {
  const ansi = opts.ansi ?? false;
  const blocks: string[] = [];
  const read = readAs(answer);
  if (read) blocks.push(interpretedText(read, lang));
  if (answer.results.length === 0) {
    const empty = emptyQuestionNotice(answer);
    if (empty) {
      blocks.push([t('emptyQuestion', lang), ...exampleLines(empty.examples)].join('\n'));
    } else if (answer.notices.some((n) => n.kind === 'ask-who')) {
      blocks.push(askWhoText(lang));
    } else if (answer.notices.some((n) => n.kind === 'article-gone')) {
      blocks.push(noticeText({ kind: 'article-gone' }, lang));
    } else {
      const missing = answer.missing.length > 0;
      const lines = [missing ? missingText(answer.missing, lang) : t('notFound', lang), ...didYouMean(answer, lang)];
      for (const w of answer.within ?? []) {
        lines.push(withinText(w, lang));
        for (const a of w.articles) {
          const date = formatDate(a.date, lang);
          lines.push(`  • ${a.title.trim()}${date ? ` (${date})` : ''}`);
        }
      }
      const rest = suggestionsBeyondWithin(answer);
      if (rest.length > 0) {
        lines.push(t(missing ? 'nearestIntro' : 'suggestionsIntro', lang));
        for (const a of rest) {
          const date = formatDate(a.date, lang);
          lines.push(`  • ${a.title.trim()}${date ? ` (${date})` : ''}`);
        }
      }
      blocks.push(lines.join('\n'));
    }
  } else {
    const facts = answer.facts ? factLines(answer.facts, lang) : [];
    if (facts.length) blocks.push([factsTitle(lang), ...facts.map((f) => `  • ${f}`)].join('\n'));
    if (answer.missing.length > 0) blocks.push(missingText(answer.missing, lang));
    blocks.push(...scopeLines(answer, lang));
    if (answer.confidence === 'low') blocks.push(t('lowConfidence', lang));
    const first = answer.results[0]!;
    const last = answer.results[answer.results.length - 1]!;
    if (first.rank > 1 || answer.total > answer.results.length) {
      blocks.push(resultsRangeText(first.rank, last.rank, Math.max(answer.total, last.rank), lang));
    }
    for (const r of answer.results) {
      const lines = [`${r.rank}. “${highlightPlain(r.quote, r.highlights, ansi)}”`, `   — ${citationPlain(r, lang)}`];
      const url = safeUrl(r.article.url);
      if (url) lines.push(`   ${url}`);
      blocks.push(lines.join('\n'));
    }
  }
  const notices = answer.notices.filter((n) => !IN_REPLY.has(n.kind)).map((n) => `ℹ️ ${noticeText(n, lang)}`);
  if (notices.length > 0) blocks.push(notices.join('\n'));
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Other views

/** A whole paragraph (the "Đoạn đầy đủ" button): split into several quotes only if it is very long. */
export function renderParagraphHtml(chunk: ChunkView, lang: Lang, opts: HtmlRenderOptions = {}): string[] {
  const budget = Math.max(200, Math.min(opts.maxLength ?? TELEGRAM_MAX_MESSAGE, TELEGRAM_MAX_MESSAGE));
  const head = `<b>${escapeHtml(t(chunk.kind === 'caption' ? 'captionTitle' : 'fullParagraphTitle', lang))}</b>`;
  const cite = citationHtml(chunk, lang, null);
  const quoteTag = (s: string) => (s.length > 700 ? `<blockquote expandable>${escapeHtml(s)}</blockquote>` : `<blockquote>${escapeHtml(s)}</blockquote>`);
  const text = chunk.text.trim();
  const whole = `${head}\n${quoteTag(text)}\n${cite}`;
  if (htmlVisibleLength(whole) <= budget) return [whole];
  // Split the paragraph into consecutive verbatim parts; the citation goes under the last one.
  const room = budget - htmlVisibleLength(`${head}\n\n${cite}`) - 2;
  const parts: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const part = rest.length <= room ? rest : cutAtWord(rest, room) || rest.slice(0, safeOffset(rest, room) || room);
    parts.push(part);
    rest = rest.slice(part.length).trimStart();
  }
  return parts.map((p, i) => {
    const body = quoteTag(p);
    const isFirst = i === 0;
    const isLast = i === parts.length - 1;
    return `${isFirst ? `${head}\n` : ''}${body}${isLast ? `\n${cite}` : ''}`;
  });
}

/** The "Bài viết" view: what the corpus says about one article. */
export function renderArticleHtml(article: ArticleView, lang: Lang): string {
  const L = ARTICLE_LABELS[lang];
  const url = safeUrl(article.url);
  const lines = [
    `<b>📰 ${escapeHtml(t('articleTitle', lang))}</b>`,
    `<b>${escapeHtml(cutWithEllipsis(article.title.trim() || '—', 1000))}</b>`,
    `${escapeHtml(L.date)}: ${escapeHtml(formatDate(article.date, lang) || L.unknown)}`,
    `${escapeHtml(L.outlet)}: ${escapeHtml(article.outlet ?? L.unknown)}`,
  ];
  const author = article.byline ?? article.author;
  if (author) lines.push(`${escapeHtml(L.author)}: ${escapeHtml(cutWithEllipsis(author, 300))}`);
  lines.push(`${escapeHtml(L.paragraphs)}: ${article.paragraphs}`);
  if (url) lines.push(`${escapeHtml(L.link)}: <a href="${escapeHtml(url)}">${escapeHtml(cutWithEllipsis(url, 500))}</a>`);
  return lines.join('\n');
}

/** /sources: every article with its date, split into messages between lines. */
export function renderSourcesHtml(articles: readonly ArticleRef[] | readonly ArticleView[], lang: Lang, opts: HtmlRenderOptions = {}): string[] {
  const budget = Math.max(200, Math.min(opts.maxLength ?? TELEGRAM_MAX_MESSAGE, TELEGRAM_MAX_MESSAGE));
  if (articles.length === 0) return [escapeHtml(t('noArticles', lang))];
  const lines = articles.map((a, i) => {
    const parts = [`${i + 1}. ${titleHtml(a)}`];
    const meta = sourceParts(a, lang);
    if ('paragraphs' in a && typeof a.paragraphs === 'number') meta.push(paragraphsCount(a.paragraphs, lang));
    if (meta.length > 0) parts.push(escapeHtml(meta.join(' · ')));
    return parts.join(' — ');
  });
  const out: string[] = [];
  let current = `<b>${escapeHtml(t('sourcesTitle', lang))} (${articles.length})</b>`;
  for (const line of lines) {
    if (htmlVisibleLength(current) + 1 + htmlVisibleLength(line) > budget) {
      out.push(current);
      current = line;
    } else {
      current += `\n${line}`;
    }
  }
  out.push(current);
  return out;
}

/** Absolute file paths (POSIX or Windows, at least two segments) inside a message. */
const ABSOLUTE_PATH = /(?<![\w.\/\\])(?:[A-Za-z]:)?[\/\\](?:[^\s\/\\'"`<>()]+[\/\\])+[^\s'"`<>(),;]*/g;

/** A reason without the server's file paths in it (for users who are not admins). */
function withoutPaths(text: string, indexDir: string): string {
  const named = indexDir ? text.split(indexDir).join('…') : text;
  return named.replace(ABSOLUTE_PATH, '…');
}

interface StatusRenderOptions {
  /** Show the index folder and the file paths inside reasons (admins only). Default false. */
  showPaths?: boolean;
}

/** /status: index size, search mode (and why it is degraded), model and its measured dense band, last rebuild. */
export function renderStatusHtml(status: EngineStatus, lang: Lang, opts: StatusRenderOptions = {}): string {
  const L = STATUS_LABELS[lang];
  const showPaths = opts.showPaths ?? false;
  const reason = (text: string) => (showPaths ? text : withoutPaths(text, status.indexDir));
  const mode = status.mode === 'hybrid' ? L.modeHybrid : status.mode === 'keyword' ? L.modeKeyword : L.modeVector;
  const lines = [
    `<b>${escapeHtml(L.title)}</b>`,
    `${escapeHtml(L.articles)}: ${status.articles}`,
    `${escapeHtml(L.chunks)}: ${status.chunks}`,
    `${escapeHtml(L.mode)}: ${escapeHtml(mode)}`,
    `${escapeHtml(L.model)}: ${escapeHtml(status.model ?? L.noModel)}`,
  ];
  if (status.indexModel !== status.model) lines.push(`${escapeHtml(L.indexModel)}: ${escapeHtml(status.indexModel ?? L.noModel)}`);
  // A reason from the index itself (its manifest's model problem) is plain English text: translated by the operator table.
  const degraded = status.degradedNote ? operatorText(status.degradedNote, lang) : status.degradedReason && localizeLine(status.degradedReason, lang);
  if (degraded) lines.push(`${escapeHtml(L.why)}: <i>${escapeHtml(cutWithEllipsis(reason(degraded), MAX_NOTICE))}</i>`);
  if (status.dense) lines.push(`${escapeHtml(L.dense)}: <i>${escapeHtml(cutWithEllipsis(reason(status.dense), MAX_NOTICE))}</i>`);
  lines.push(`${escapeHtml(L.builtAt)}: ${escapeHtml(formatTimestamp(status.builtAt))}`);
  lines.push(`${escapeHtml(L.loadedAt)}: ${escapeHtml(formatTimestamp(status.loadedAt))}`);
  lines.push(`${escapeHtml(L.version)}: ${escapeHtml(cutWithEllipsis(reason(status.indexVersion), 80))}`);
  if (showPaths) lines.push(`${escapeHtml(L.indexDir)}: <code>${escapeHtml(status.indexDir)}</code>`);
  return lines.join('\n');
}
