/**
 * Web pages (.html, .htm). The main content is found by @mozilla/readability (the reader view of
 * Firefox: well kept, scores text density, drops menus and link lists) over linkedom (a small,
 * pure-JS DOM: no native parts, fast enough for a corpus of thousands of pages; jsdom would bring
 * some forty packages for features a reader does not need). Before it runs, page furniture that is
 * marked as such (nav, aside, footer, share bars, comments, related links, adverts) is taken out;
 * after it, the content goes to the cleaner as Markdown, where the project's Vietnamese rules cut
 * "Tin liên quan", "Đọc nhiều nhất" and the rest, and figure captions become captions.
 * Title, date, author, outlet and address come from og:/article: tags and JSON-LD when present.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeInline } from '../../text/normalise.js';
import { ArticleError } from '../errors.js';
import { toVietnamTime } from '../metadata.js';
import { htmlToLines } from './dom-lines.js';
import type { FormatMeta, FormatReader, ReadDocument } from './types.js';

/** Too little text for a news report: the page is an index, a login wall or an error page … */
const MIN_ARTICLE_CHARS = 200;
/**
 * … unless it holds this many written paragraphs (sentences of at least MIN_SENTENCE_WORDS words, outside
 * links): a short report of two or three paragraphs is still one ("Sáng 20/9, … tổ chức hội nghị …").
 */
const MIN_SHORT_PARAGRAPHS = 2;
const MIN_SENTENCE_WORDS = 8;

// ---------------------------------------------------------------------------------------------
// Bytes to text

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type">, if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes a web page: a byte-order mark wins, then the charset the server sent, then <meta charset>,
 * else UTF-8. Unknown charsets are an ArticleError.
 */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): string {
  if (bytes.length === 0) throw new ArticleError('the file is empty');
  let label = headerCharset?.trim().toLowerCase() || sniffHtmlCharset(bytes) || 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new ArticleError(`the page declares a character set this reader does not know ("${label}")`);
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata

/** The DOM this module uses (linkedom's; the project compiles without the browser DOM types). */
interface Element {
  tagName: string;
  textContent: string | null;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  remove(): void;
}
interface Doc {
  body: Element | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

function parseDocument(html: string): Doc {
  return parseHTML(html).document as unknown as Doc;
}

function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const el of Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`))) {
      const v = normalizeInline(el.getAttribute('content') ?? '');
      if (v) return v;
    }
  }
  return undefined;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/u;

/** The JSON-LD objects of the page that describe an article (NewsArticle first). */
function jsonLdArticles(doc: Doc): Json[] {
  const found: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(visit);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    if (Array.isArray(o['@graph'])) visit(o['@graph']);
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(o);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is ignored: the meta tags and the text still tell.
    }
  }
  const rank = (o: Json): number => ([] as unknown[]).concat(o['@type'] ?? []).map(String).some((t) => /NewsArticle$/u.test(t)) ? 0 : String(o['@type']) === 'WebPage' ? 2 : 1;
  return found.sort((a, b) => rank(a) - rank(b));
}

/** A name from JSON-LD: "X", { name: "X" }, or a list of those. */
function ldName(v: unknown): string | undefined {
  if (typeof v === 'string') return normalizeInline(v) || undefined;
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((x): x is string => !!x);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return ldName((v as Json).name);
  return undefined;
}

function ldUrl(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object') return ldUrl((v as Json)['@id'] ?? (v as Json).url);
  return undefined;
}

/** Title, date, author, outlet and address as the page's own tags state them. */
export function htmlMeta(doc: Doc): FormatMeta {
  const ld = jsonLdArticles(doc)[0] ?? {};
  const meta: FormatMeta = {};
  const title = metaContent(doc, 'og:title', 'twitter:title') ?? ldName(ld.headline) ?? ldName(ld.name);
  if (title) meta.title = title;
  const date = metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'dc.date', 'date') ?? (typeof ld.datePublished === 'string' ? ld.datePublished : undefined);
  // A <time> of the article itself, not of a comment or a sidebar headline.
  const time = (doc.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]') ?? doc.querySelector('article time[datetime]'))?.getAttribute('datetime') ?? doc.querySelector('[itemprop="datePublished"][content]')?.getAttribute('content');
  if (date) meta.date = toVietnamTime(date);
  else if (time && time.trim()) meta.date = toVietnamTime(time);
  const author = metaContent(doc, 'author', 'dc.creator') ?? ldName(ld.author);
  if (author && !/^https?:/iu.test(author)) meta.author = author;
  const outlet = metaContent(doc, 'og:site_name', 'application-name') ?? ldName(ld.publisher);
  if (outlet) meta.outlet = outlet;
  const url = metaContent(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? ldUrl(ld.mainEntityOfPage) ?? ldUrl(ld.url);
  if (url && /^https?:\/\//iu.test(url.trim())) meta.url = url.trim();
  return meta;
}

// ---------------------------------------------------------------------------------------------
// Page furniture

/** Elements that are never article text. */
const FURNITURE_TAGS = 'nav, aside, footer, form, iframe, script, style, noscript, template, button, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"]';

/** class / id words of page furniture ("box-related", "share-buttons", "tin-lien-quan", "ads-300"). */
const FURNITURE_WORD = /^(?:share|sharing|social|comments?|binhluan|related|lienquan|relate|sidebar|advert|advertisement|ads?|adv|banner|quangcao|breadcrumbs?|menu|navbar|nav|footer|tags?|tagged|popular|mostread|docnhieu|xemnhieu|newsletter|subscribe|login|print|toolbar)$/u;

function isFurniture(el: Element): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .toLowerCase()
    .split(/[\s_-]+/u)
    .filter(Boolean);
  // "tin-lien-quan", "doc-nhieu": joined word pairs too.
  for (let i = 0; i < words.length; i++) {
    if (FURNITURE_WORD.test(words[i]!) || (i + 1 < words.length && FURNITURE_WORD.test(words[i]! + words[i + 1]!))) return true;
  }
  return false;
}

/** Takes furniture out of the page; never the element that holds most of the page's text. */
function stripFurniture(doc: Doc): void {
  const body = doc.body;
  if (!body) return;
  const total = (body.textContent ?? '').length;
  const keep = (el: Element): boolean => /^(?:HTML|BODY|MAIN|ARTICLE)$/u.test(el.tagName.toUpperCase()) || (el.textContent ?? '').length > total * 0.5;
  for (const el of Array.from(doc.querySelectorAll(FURNITURE_TAGS))) if (!keep(el)) el.remove();
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (el.isConnected && isFurniture(el) && !keep(el)) el.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// The reader

/** An HTML fragment's text outside its links, on one line: a list of headlines is all links. */
function textOutsideLinks(html: string): string {
  return normalizeInline(html.replace(/<a\b[^>]*>[\s\S]*?<\/a>/giu, ' ').replace(/<[^>]+>/gu, ' '));
}

/** Paragraphs of the content written as sentences: their text outside links ends a sentence and has MIN_SENTENCE_WORDS words or more. */
function writtenParagraphs(content: string): number {
  let n = 0;
  let reports = false;
  for (const m of content.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/giu)) {
    const own = textOutsideLinks(m[1]!);
    if (!/[.!?…]["”»)]?$/u.test(own) || own.split(' ').length < MIN_SENTENCE_WORDS) continue;
    n++;
    reports ||= REPORT_MARK.test(own);
  }
  // Error pages, login walls, cookie notices and maintenance notes are written in sentences too, but
  // state no figure and name no one: a report does.
  return reports ? n : 0;
}

/** What a report states and a site's notice does not: a figure, or a name, place or body capitalised inside a sentence. */
const REPORT_MARK = /\d|[^.!?…\s]\s+\p{Lu}/u;
/**
 * What error pages, login walls, cookie and maintenance notices say, whatever figure or name they state
 * ("mã lỗi 404", "sau 2 giờ", "Google"); a page this short that says it is a notice, not a report.
 */
const NOTICE_MAX_CHARS = 600;
const SITE_NOTICE = /(?<![\p{L}])(?:không tồn tại|không tìm thấy|mã lỗi|lỗi 404|đăng nhập|đăng ký tài khoản|cookie|bảo trì (?:hệ thống|website|trang)|đang (?:được )?bảo trì|quay lại trang chủ)(?![\p{L}])/iu;

/** A web page's HTML to a read document: its main content as Markdown lines, its tags as metadata. */
export function readHtml(html: string): ReadDocument {
  const doc = parseDocument(html);
  if (!doc.body) throw new ArticleError('the HTML page has no body');
  const meta = htmlMeta(doc);
  stripFurniture(doc);
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(doc as never, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  } catch (e) {
    throw new ArticleError(`the HTML page could not be read (${(e as Error).message})`);
  }
  const own = textOutsideLinks(parsed?.content ?? '');
  if (!parsed?.content || (own.length < MIN_ARTICLE_CHARS && writtenParagraphs(parsed.content) < MIN_SHORT_PARAGRAPHS) || (own.length < NOTICE_MAX_CHARS && SITE_NOTICE.test(own))) {
    throw new ArticleError('no article found in the HTML page (only menus, links or too little text)');
  }
  if (!meta.title && parsed.title) meta.title = normalizeInline(parsed.title);
  if (!meta.author && parsed.byline && parsed.byline.length <= 80) meta.author = normalizeInline(parsed.byline);
  if (!meta.outlet && parsed.siteName) meta.outlet = normalizeInline(parsed.siteName);
  if (!meta.date && parsed.publishedTime) meta.date = toVietnamTime(parsed.publishedTime);
  const lines = htmlToLines(parsed.content);
  // The headline is in the metadata; the cleaner drops it from the text when it stands on top.
  return { text: lines.join('\n'), markdown: true, meta, warnings: [] };
}

export const htmlFormat: FormatReader = {
  name: 'html',
  extensions: ['.html', '.htm'],
  read: (bytes) => readHtml(decodeHtml(bytes)),
};
