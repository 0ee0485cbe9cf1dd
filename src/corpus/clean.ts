/**
 * Pure functions that turn the raw text of a scraped Vietnamese news page into blocks:
 * body paragraphs (quotable), headings, and photo captions (context, never quoted).
 *
 * The scrape is read line by line; every source line is one paragraph. In order:
 *   1. normalise (NFC, NBSP → space, runs of spaces collapsed) and note "&nbsp;" lines (photo spots);
 *   2. cut the page tail at a "related news / most read / tags / footer" marker;
 *   3. drop page chrome lines (login links, counters, share bars, separators);
 *   4. read the head: section label, title, dateline, outlet line, a date stamp glued to the lead;
 *   5. take the byline off the end (also when glued after the closing "./.");
 *   6. classify what is left: captions (photo descriptions, "Ảnh: NAME" credits, the lines next to a
 *      photo spot), headings (short title-like lines, ALL-CAPS lines) and body paragraphs; a caption
 *      glued in front of a paragraph is split from it.
 * Words are never changed: only whole lines, page chrome, stamps and tags are removed.
 */
import type { BlockKind, Block, CleanBlock, CleanResult, DateCandidate } from './types.js';
import { isDateOnlyLine, outletFromLine, parseByline, sourceFromLine, splitBylineDate, splitGluedDateStamp, splitOutletPrefix } from './metadata.js';
import { ODD_SPACE_CLASS, normalizeInline, normalizeSource } from '../text/normalise.js';
import { sentenceCount } from '../text/sentences.js';

// ---------------------------------------------------------------------------------------------
// Photo spots
// ---------------------------------------------------------------------------------------------

const SPOT_CHARS = `${ODD_SPACE_CLASS}\\u200B\\uFEFF`;
const ONLY_SPACES = new RegExp(`^[\\s${SPOT_CHARS}]+$`, 'u');
const HAS_ODD_SPACE = new RegExp(`[${SPOT_CHARS}]`, 'u');

/** A line that holds only "&nbsp;"-like spaces: where a photo stood in the page. */
function isPhotoSpot(rawLine: string): boolean {
  return ONLY_SPACES.test(rawLine) && HAS_ODD_SPACE.test(rawLine);
}

// ---------------------------------------------------------------------------------------------
// Rule tables
// ---------------------------------------------------------------------------------------------

interface Rule {
  re: RegExp;
  /** Why the line is not article text. */
  why: string;
}

/**
 * Lines where the article has ended and the page's trailing chrome begins: everything from such a line
 * on is dropped (lists of other headlines, comments, tags, footers). Only honoured after some article
 * text has been seen, so a sidebar at the top of a scrape cannot swallow the article.
 */
export const TAIL_MARKERS: Rule[] = [
  // "Các tin, bài viết khác", "Tin liên quan", "Bài viết cùng chuyên mục", "Tin đã đưa", "Các bài khác"
  { re: /^(?:các\s+)?(?:tin|bài)(?:\s*,\s*|\s+)(?:bài\s+)?(?:viết\s+)?(?:khác|liên quan|cùng chuyên mục|cùng chủ đề|cùng danh mục|mới hơn|cũ hơn|đã đưa|mới đăng)\s*:?$/iu, why: 'related-news list' },
  // "Đọc nhiều nhất", "Xem nhiều", "Xem thêm", "Tin mới nhất", "Tin nổi bật", "Bài đọc nhiều"
  { re: /^(?:(?:tin|bài)\s+)?(?:đọc|xem)\s+(?:nhiều|thêm)(?:\s+nhất)?\s*:?$/iu, why: 'most-read list' },
  { re: /^(?:tin|bài)\s+(?:mới|nổi bật|tiêu điểm|mới nhất|nóng)(?:\s+nhất)?\s*:?$/iu, why: 'latest-news list' },
  { re: /^(?:có thể bạn quan tâm|bạn có thể quan tâm|đừng bỏ lỡ|tin tức khác|tin tức liên quan|cùng chuyên mục|chuyên mục khác|tiêu điểm)\s*:?$/iu, why: 'more-news list' },
  // Reader comments: "Bình luận", "Ý kiến bạn đọc (3)", "Gửi bình luận"
  { re: /^(?:bình luận|ý kiến bạn đọc|gửi bình luận|viết bình luận|gửi ý kiến(?: của bạn)?)(?:\s*\(\d+\))?\s*:?$/iu, why: 'comments' },
  // Back-to-top buttons, sometimes with a stray counter: "40 Go top", "Về đầu trang"
  { re: /^(?:\d+\s*)?(?:go\s*top|back\s*to\s*top|lên đầu trang|về đầu trang|đầu trang)$/iu, why: 'back-to-top button' },
  // Visitor counters box: "Thống kê truy cập", "Thống kê truy cập - Tin cơ sở"
  { re: /^thống kê (?:truy cập|lượt truy cập)/iu, why: 'visitor counter' },
  // Poll widgets: "Hiện tại không có bình chọn nào đang hoạt động.", "Bình chọn", "Thăm dò ý kiến"
  { re: /^(?:hiện (?:tại|không) )?(?:không có )?(?:cuộc )?bình chọn(?: nào)?(?: đang hoạt động)?\.?$|^thăm dò ý kiến\s*:?$/iu, why: 'poll widget' },
  // Tags and attachments: "Tag:", "Tags: a, b", "Từ khóa:", "File đính kèm"
  { re: /^(?:tags?|từ khóa|từ khoá)\s*:/iu, why: 'tag list' },
  { re: /^(?:file|tệp|tập tin|tài liệu) đính kèm\s*:?/iu, why: 'attachments' },
];

/** Page chrome dropped wherever it stands (whole lines only). */
export const BOILERPLATE_LINES: Rule[] = [
  // Account links of the site header: "Sign In", "Đăng nhập", "Đăng ký"
  { re: /^(?:sign\s*in|sign\s*up|log\s*in|log\s*out|đăng nhập|đăng ký|đăng kí|đăng xuất)(?:\s*[|/]\s*(?:đăng ký|đăng kí|sign\s*up))?$/iu, why: 'login link' },
  // Separator rules: "------", "*****", "* * *", "___"
  { re: /^(?:[-–—_=*•·~.#]\s*){3,}$/u, why: 'separator line' },
  // Stray numbers: counters, page numbers, share counts
  { re: /^[\d.,\s]{1,12}$/u, why: 'stray number' },
  // Visitor counter lines: "• Khách Khách 833", "• Tổng lượt truy cập: Tổng lượt truy cập: 23070412"
  { re: /^[•·▪●◦*-]\s*(?:người trực tuyến|đang trực tuyến|khách|thành viên|tổng|hôm nay|hôm qua|tuần này|tháng này|tổng lượt truy cập|lượt truy cập|đang truy cập)(?:[\s:]|$).{0,80}$/iu, why: 'visitor counter' },
  { re: /^(?:tổng\s+)?(?:số\s+)?(?:lượt|lần) (?:truy cập|xem|đọc)\s*:?\s*[\d.,]+$/iu, why: 'view counter' },
  { re: /^(?:đang|người) (?:trực tuyến|online)\s*:?\s*[\d.,]*$/iu, why: 'online counter' },
  // Share / print toolbars: "Chia sẻ", "In bài | Gửi email", "Facebook Zalo"
  { re: /^(?:chia sẻ|share|in bài|bản in|print|gửi email|gửi bài|email|lưu bài|lưu|facebook|zalo|twitter|tweet|copy link|sao chép liên kết)(?:(?:\s*[|:,•/]\s*|\s+)(?:chia sẻ|share|in bài|bản in|print|gửi email|gửi bài|email|lưu bài|lưu|facebook|zalo|twitter|tweet|copy link|sao chép liên kết))*\s*[|:,•/]?$/iu, why: 'share toolbar' },
  // Text size widgets: "Cỡ chữ", "A- A+"
  { re: /^(?:cỡ chữ|font size|(?:a[-+]?\s*){2,3})\s*:?$/iu, why: 'text size widget' },
  // Media-type labels above a headline: "VIDEO", "Ảnh", "Infographic"
  { re: /^(?:video|photo|clip|infographic|emagazine|e-magazine|podcast|longform)$/iu, why: 'media label' },
  // Advertising slots
  { re: /^(?:quảng cáo|advertisement|sponsored)$/iu, why: 'advert slot' },
  // Breadcrumbs: "Trang chủ > Tin tức > Xây dựng Đảng"
  { re: /^(?:trang chủ|home)\s*[>»›|/].{0,150}$/iu, why: 'breadcrumb' },
];

/**
 * Section labels printed above a headline ("Tin tức sự kiện", "Thời sự", "Xây dựng Đảng"); only
 * looked for before the title. A short line directly followed by a longer title line counts too.
 */
export const SECTION_LABELS: RegExp[] = [
  /^(?:tin tức|sự kiện|tin tức\s*[-–—]?\s*sự kiện|tin tức và sự kiện|thời sự|chính trị|xã hội|tin hoạt động|tin địa phương|tin trong nước|trong nước|tin tổng hợp|tin mới|tin nổi bật|tin cơ sở|xây dựng đảng|hoạt động của (?:lãnh đạo|đảng bộ|cơ sở)|tin hoạt động của .{1,40}|chuyên đề|tin ảnh)$/iu,
  // Breadcrumb paths: "Tin tức > Xây dựng Đảng", "Chính trị » Xây dựng Đảng"
  /^[^.>»›]{1,40}(?:\s+[>»›]\s+[^.>»›]{1,40}){1,5}$/u,
];

// ---------------------------------------------------------------------------------------------
// Line shapes
// ---------------------------------------------------------------------------------------------

function words(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean);
}

/** Lower-cased word set without punctuation, for comparing headlines. */
function wordSet(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/u)
      .filter(Boolean),
  );
}

/** Share of the smaller text's words that the other text also has (0..1). */
export function wordOverlap(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return common / Math.min(A.size, B.size);
}


const ENDS_LIKE_SENTENCE = /[.,;:!?…]["”’)\]]*$/u;

/** A line written in capitals only: "XÂY DỰNG BAN CHẤP HÀNH …", "ĐẠI HỘI ĐẢNG CÁC CẤP". */
export function isAllCapsLine(s: string): boolean {
  if (s.length > 250) return false;
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 6 && !/\p{Ll}/u.test(letters) && words(s).length >= 2;
}

/** A headline: 3–45 words, starts with a capital/digit/quote, no sentence-final . , ; : … */
export function isTitleLike(s: string): boolean {
  if (s.length < 10 || s.length > 250) return false;
  const n = words(s).length;
  if (n < 3 || n > 45) return false;
  if (!/^[\p{Lu}\d“"‘']/u.test(s)) return false;
  if (/[.,;:…]["”’)]*$/u.test(s)) return false;
  return /\p{L}/u.test(s);
}

/** A sub-heading inside the article: short, 2–25 words, capitalised, no final punctuation; or ALL CAPS. */
export function isHeadingLike(s: string): boolean {
  if (isAllCapsLine(s) && s.length <= 200) return true;
  if (s.length > 150) return false;
  const n = words(s).length;
  if (n < 2 || n > 25) return false;
  if (!/^[\p{Lu}\d]/u.test(s)) return false;
  if (ENDS_LIKE_SENTENCE.test(s)) return false;
  return true;
}

/** Openers of a scene photo caption: "Toàn cảnh Hội nghị", "Quang cảnh hội nghị". */
const SCENE_CAPTION = /^(?:toàn cảnh|quang cảnh|không khí|một góc|các đại biểu dự|đại biểu dự|các đại biểu tham dự|đại biểu tham dự|ảnh minh họa|ảnh minh hoạ)(?![\p{L}])/iu;

/** A caption names who is in the photo first: "Đồng chí …", "Chủ tịch UBND tỉnh …", "Các đại biểu …". */
const CAPTION_SUBJECT =
  /^(?:đồng chí|các đồng chí|ông|bà|lãnh đạo|đại biểu|các đại biểu|đoàn công tác|đoàn đại biểu|(?:phó\s+)?(?:tổng\s+)?bí thư|(?:phó\s+)?chủ tịch|(?:phó\s+)?giám đốc|(?:phó\s+)?trưởng|(?:phó\s+)?thủ tướng|(?:thứ|bộ) trưởng|chủ nhiệm|ủy viên|uỷ viên|thường trực)(?![\p{L}])/iu;

/** …and ends with what they are doing: "… phát biểu tại cuộc làm việc.", "… trao Giấy khen cho …", "… chủ trì hội nghị." */
const CAPTION_ACTION_END =
  /(?:phát biểu[^,.;:]{0,80}|(?:trao|tặng) [^,;:.]{1,160}|chụp ảnh lưu niệm[^,.;:]{0,80}|(?:chủ trì|dự|tham dự|thăm|kiểm tra) [^,;:.]{1,80})\.?$/iu;

/** A short line that describes a photo even without a photo spot or credit next to it. */
export function isCaptionLike(s: string): boolean {
  if (s.length > 200 || sentenceCount(s) > 1) return false;
  if (SCENE_CAPTION.test(s) && s.length <= 160) return true;
  return CAPTION_SUBJECT.test(s) && CAPTION_ACTION_END.test(s);
}

/** Can this line be the caption of a neighbouring photo spot? */
function canBeCaption(s: string): boolean {
  return s.length <= 250 && sentenceCount(s) <= 2 && !/[:;,]$/u.test(s) && !isAllCapsLine(s);
}

// ---------------------------------------------------------------------------------------------
// Captions glued to other text
// ---------------------------------------------------------------------------------------------

/**
 * A photo credit label: "Ảnh: NAME", "(Ảnh: NAME)", "Nguồn ảnh: …" at the start, after a sentence end, or
 * after a space. The capital "Ả" is required (case-sensitive): "ảnh:" inside prose is not a credit.
 */
const CREDIT_LABEL = /(^|[.!?…”")]\s*|\s[-–—]\s|\(\s*|\s)((?:[Nn]guồn\s+[Ảả]nh|Ảnh)\s*:\s*)/gu;

/** A word of a photographer's name or agency: "Thanh", "DŨNG", "VGP/Nhật", "TTXVN", "baochinhphu.vn". */
function isCreditWord(w: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’./-]*$/u.test(w) || /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:vn|com|net|org)$/iu.test(w);
}

function isUpperWord(w: string): boolean {
  return /^[\p{Lu}\d][\p{Lu}\p{M}\d'’./-]*$/u.test(w) && /\p{Lu}/u.test(w);
}

/**
 * Splits "caption. Ảnh: NAME rest of paragraph" into the caption (with its credit) and the rest.
 * The credit name is the run of capitalised words after "Ảnh:"; when a lowercase word follows the run,
 * the run's last word opens the next sentence ("Ảnh: Thanh Lê Đồng chí Nguyễn Đức Trung đề nghị …").
 * An ALL-CAPS credit ends where the capitals end ("Ảnh: DŨNG PHƯƠNG Đồng chí …").
 */
export function splitCredit(line: string): { caption: string; rest: string } | null {
  // Every label holds "Ảnh" or "ảnh": a line with neither (nearly every paragraph) skips the regex, whose
  // alternatives were tried at every space of the paragraph.
  if (!line.includes('\u1ea2nh') && !line.includes('\u1ea3nh')) return null;
  CREDIT_LABEL.lastIndex = 0;
  const m = CREDIT_LABEL.exec(line);
  if (!m) return null;
  // Ảnh (capital) after a sentence end, or at the very start: "ảnh:" inside prose is not a credit.
  const label = m[2] ?? '';
  if (!/^(?:Nguồn ảnh|Ảnh)/u.test(label)) return null;
  const labelEnd = m.index + m[0].length;
  const openParen = (m[1] ?? '').includes('(');
  const after = line.slice(labelEnd);

  if (openParen) {
    const close = after.indexOf(')');
    if (close < 0 || close > 80) return null;
    return { caption: line.slice(0, labelEnd + close + 1).trim(), rest: after.slice(close + 1).trim() };
  }

  const toks = after.split(' ');
  let run = 0;
  while (run < toks.length && isCreditWord(toks[run] ?? '')) run++;
  if (run === 0) {
    // "Ảnh minh họa", "Ảnh: internet": take up to the end of the clause.
    const end = after.search(/[.;]\s|$/u);
    return { caption: line.slice(0, labelEnd + end).trim(), rest: after.slice(end).replace(/^[.;]\s*/u, '').trim() };
  }
  let creditLen: number;
  if (run === toks.length) {
    creditLen = run;
  } else if (isUpperWord(toks[0] ?? '')) {
    creditLen = 0;
    while (creditLen < run && isUpperWord(toks[creditLen] ?? '')) creditLen++;
  } else {
    creditLen = Math.min(Math.max(run - 1, 1), 4);
  }
  const credit = toks.slice(0, creditLen).join(' ');
  const rest = toks.slice(creditLen).join(' ');
  return { caption: (line.slice(0, labelEnd) + credit).trim(), rest: rest.trim() };
}

/** The first " ảnh N " after at least 15 characters: alt text before it, caption after it. */
function findAltMarker(line: string): { alt: string; caption: string } | null {
  const re = /\sảnh\s+\d{1,2}\s+(?=\S)/gu;
  re.lastIndex = 15;
  const m = re.exec(line);
  if (!m) return null;
  return { alt: line.slice(0, m.index).trim(), caption: line.slice(m.index + m[0].length) };
}

/**
 * "<headline> ảnh 3 <caption>": a photo's alt text (often the article headline) + "ảnh N" + caption,
 * as some CMSs (SGGP) print it. Returns the caption part (the alt text is dropped), or null.
 */
export function splitAltCaption(line: string, title: string | null, repeatedPrefixes: Set<string>): { alt: string; caption: string } | null {
  const found = findAltMarker(line);
  if (!found) return null;
  const { alt, caption } = found;
  const looksLikeCaption =
    (title !== null && wordOverlap(alt, title) >= 0.6) ||
    repeatedPrefixes.has(alt) ||
    /(?:^|[.!?]\s*)(?:Nguồn ảnh|Ảnh)\s*:/u.test(caption);
  return looksLikeCaption ? { alt, caption } : null;
}

// ---------------------------------------------------------------------------------------------
// The cleaner
// ---------------------------------------------------------------------------------------------


export interface CleanOptions {
  /** Read Markdown: "# Heading" lines, "![alt](src)" images, "[text](url)" links, **bold**. */
  markdown?: boolean;
  /** A title known from front matter: a head line is dropped as the headline only when it matches it. */
  knownTitle?: string;
  /** The 1-based page of each input line (paged formats): blocks keep the page of the line they come from. */
  linePages?: readonly number[];
}

interface Line {
  text: string;
  /** An "&nbsp;" line or a Markdown image: where a photo stood. */
  spot: boolean;
  /** A Markdown "#" heading. */
  heading?: boolean;
  /** A Markdown image's alt text: a caption. */
  caption?: boolean;
  /** A Markdown list item or table row: text of the article, whatever its shape. */
  item?: boolean;
  /** The page the line stands on (paged formats). */
  page?: number;
}

/** Page chrome is short: longer lines are never tested against the tables (and never dropped by them). */
const MAX_CHROME_LINE = 200;

function matchRule(rules: Rule[], s: string): Rule | undefined {
  if (s.length > MAX_CHROME_LINE) return undefined;
  return rules.find((r) => r.re.test(s));
}

function markdownLine(raw: string): Line {
  let s = raw;
  const img = /^\s*!\[([^\]]*)\]\([^)]*\)\s*$/u.exec(s);
  if (img) {
    const alt = normalizeInline(img[1] ?? '');
    return alt ? { text: alt, spot: false, caption: true } : { text: '', spot: true };
  }
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1');
  s = s.replace(/\*\*([^*]+)\*\*/gu, '$1').replace(/__([^_]+)__/gu, '$1');
  const h = /^\s{0,3}#{1,6}\s+/u.exec(s);
  if (h) return { text: normalizeInline(s.slice(h[0].length).replace(/\s#+\s*$/u, '')), spot: false, heading: true };
  // "- item", "* item": a list item; "| a | b |": a table row ("|---|" rules are no text).
  const bullet = /^\s{0,3}[-*+]\s+(?=\S)/u.exec(s);
  if (bullet) return { text: normalizeInline(s.slice(bullet[0].length)), spot: false, item: true };
  if (/^\s*\|.*\|\s*$/u.test(s)) {
    const cells = s.trim().slice(1, -1).split('|').map((c) => normalizeInline(c));
    if (cells.every((c) => /^:?-{2,}:?$/u.test(c) || c === '')) return { text: '', spot: false };
    return { text: cells.filter(Boolean).join(' | '), spot: false, item: true };
  }
  return { text: normalizeInline(s), spot: false };
}

/** Cleans an article's text (front matter already removed) into blocks and metadata findings. */
export function cleanArticleText(input: string, options: CleanOptions = {}): CleanResult {
  const text = normalizeSource(input);
  const dropped: string[] = [];
  const dates: DateCandidate[] = [];
  const outlets: string[] = [];
  const sources: string[] = [];

  // 1. Lines.
  let lines: Line[] = text.split('\n').map((raw, i) => {
    const line: Line = options.markdown ? (isPhotoSpot(raw) ? { text: '', spot: true } : markdownLine(raw)) : { text: normalizeInline(raw), spot: isPhotoSpot(raw) };
    const page = options.linePages?.[i];
    if (page !== undefined) line.page = page;
    return line;
  });

  // A line worded like a caption ("Đồng chí X, Bí thư Tỉnh ủy chủ trì hội nghị.") is one only in a page
  // with a photo: in a typed report (.txt, .docx without images) it is a sentence of the article, and was
  // cited as "chú thích ảnh". A PDF's text keeps no trace of its photos: there wording is the only cue.
  const photos = options.linePages !== undefined || lines.some((l) => l.spot || l.caption === true || (l.text !== '' && splitCredit(l.text) !== null));

  // 2. Cut the page tail at the first end-of-article marker that follows some article text.
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]?.text ?? '';
    if (!s) continue;
    if (matchRule(TAIL_MARKERS, s)) {
      if (!seenText) continue;
      dropped.push(...lines.slice(i).map((l) => l.text).filter(Boolean));
      lines = lines.slice(0, i);
      break;
    }
    if (matchRule(BOILERPLATE_LINES, s)) continue;
    // Article text: a paragraph of some length ending like a sentence (not a headline, not a caption).
    if (((s.length >= 80 && /[.!?…]["”’)]*$/u.test(s)) || s.length >= 200) && !splitCredit(s) && !isCaptionLike(s)) seenText = true;
  }

  // 3. Page chrome lines, wherever they are (tail markers standing before the article too).
  lines = lines.filter((l) => {
    if (!l.text || l.heading || l.caption || l.item) return true;
    if (matchRule(BOILERPLATE_LINES, l.text) || matchRule(TAIL_MARKERS, l.text)) {
      dropped.push(l.text);
      return false;
    }
    return true;
  });
  // From here on, only lines with text and photo spots matter.
  lines = lines.filter((l) => l.text || l.spot);

  // 4. The head: section label, title, dateline, outlet line, a stamp glued to the lead.
  let title: string | null = null;
  // "THANH HÀ - 05/06/2025 08:30" under the title: the dateline and the byline, not a heading.
  let headByline: string | null = null;
  let headDated = false;
  for (const line of lines) {
    if (line.spot) continue;
    const s = line.text;
    if (isDateOnlyLine(s)) {
      dates.push({ raw: s, where: 'head' });
      dropped.push(s);
      line.text = '';
      continue;
    }
    const signed: { byline: string | null; date: string } | null = title !== null && !headDated && !line.heading ? splitBylineDate(s) : null;
    if (signed) {
      dates.push({ raw: signed.date, where: 'head' });
      headByline = signed.byline;
      headDated = true;
      dropped.push(s);
      line.text = '';
      continue;
    }
    const outlet = outletFromLine(s);
    if (outlet) {
      outlets.push(outlet);
      dropped.push(s);
      line.text = '';
      continue;
    }
    if (title === null && !line.caption) {
      if (!line.heading && isSectionLabel(s, lines.slice(lines.indexOf(line) + 1))) {
        dropped.push(s);
        line.text = '';
        continue;
      }
      if (!line.heading && !splitGluedDateStamp(s) && !findAltMarker(s) && !splitCredit(s) && isTitleLike(s)) {
        // With a front-matter title, a different first line is an ordinary heading, not the headline.
        if (options.knownTitle !== undefined && wordOverlap(s, options.knownTitle) < 0.5) break;
        title = s;
        line.text = '';
        continue;
      }
      if (line.heading) {
        if (options.knownTitle !== undefined && wordOverlap(s, options.knownTitle) < 0.5) break;
        title = s;
        line.text = '';
        continue;
      }
    }
    const stamp = splitGluedDateStamp(s);
    if (stamp) {
      dates.push({ raw: stamp.stamp, where: 'stamp' });
      dropped.push(stamp.stamp);
      line.text = stamp.rest;
    }
    break;
  }

  // Datelines further down ("Cập nhật 16/10/2024 07:56") are not text either.
  for (const line of lines) {
    if (line.text && !line.spot && !line.heading && isDateOnlyLine(line.text)) {
      dates.push({ raw: line.text, where: 'body' });
      dropped.push(line.text);
      line.text = '';
    }
  }
  // The headline repeated as a line further down is not text.
  if (title !== null) {
    const t = title;
    for (const line of lines) {
      if (line.text && line.text === t) {
        dropped.push(line.text);
        line.text = '';
      }
    }
  }
  lines = lines.filter((l) => l.text || l.spot);

  // 5. The end: "Theo TTXVN" source lines and the byline (also glued after the closing "./.").
  let byline: string | null = null;
  for (let guard = 0; guard < 3; guard++) {
    const idx = lastTextIndex(lines);
    if (idx < 0) break;
    const line = lines[idx];
    if (!line || line.heading || line.caption) break;
    const hasTextBefore = lines.slice(0, idx).some((l) => l.text && !l.spot);
    if (!hasTextBefore) break;
    const src = sourceFromLine(line.text);
    if (src) {
      sources.push(src);
      dropped.push(line.text);
      lines.splice(idx, 1);
      continue;
    }
    if (byline === null && parseByline(line.text)) {
      byline = line.text;
      lines.splice(idx, 1);
      continue;
    }
    const end = line.text.lastIndexOf('./.');
    const tail = end >= 0 ? line.text.slice(end + 3).trim() : '';
    if (byline === null && tail && tail.length <= 150 && parseByline(tail)) {
      byline = tail;
      line.text = line.text.slice(0, end + 3);
    }
    break;
  }

  // 6. Classify.
  const textLines = lines.filter((l) => !l.spot && l.text);
  const prefixCounts = new Map<string, number>();
  for (const l of textLines) {
    const alt = findAltMarker(l.text);
    if (alt) prefixCounts.set(alt.alt, (prefixCounts.get(alt.alt) ?? 0) + 1);
  }
  const repeatedPrefixes = new Set([...prefixCounts].filter(([, n]) => n >= 2).map(([p]) => p));

  // A photo spot belongs to the short line next to it that reads most like a caption (the line before
  // it when both read alike: captions usually sit right above the empty "&nbsp;" line of the photo).
  // Cues: caption wording (+2), a photo spot on both sides (+2), no final punctuation (+1), short (+1).
  // Blank lines are gone by now, so neighbours are adjacent entries.
  const spotCaptions = new Set<Line>();
  const textAt = (i: number): Line | null => {
    const l = lines[i];
    return l && !l.spot && l.text && !l.heading && !l.caption ? l : null;
  };
  const score = (i: number): number => {
    const l = textAt(i);
    if (!l || !canBeCaption(l.text)) return -1;
    const sandwiched = lines[i - 1]?.spot === true && lines[i + 1]?.spot === true;
    return (isCaptionLike(l.text) ? 2 : 0) + (sandwiched ? 2 : 0) + (ENDS_LIKE_SENTENCE.test(l.text) ? 0 : 1) + (l.text.length < 120 ? 1 : 0);
  };
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.spot) continue;
    const sp = score(i - 1);
    const sn = score(i + 1);
    const prev = textAt(i - 1);
    const next = textAt(i + 1);
    // Being next to a photo is not enough: a caption also needs a cue of its own (score ≥ 2), so a short
    // paragraph beside an uncaptioned photo stays body.
    if (prev && sp >= 2 && sp >= sn) spotCaptions.add(prev);
    else if (next && sn >= 2) spotCaptions.add(next);
  }

  const blocks: CleanBlock[] = [];
  let page: number | undefined;
  const push = (kind: BlockKind, s: string): void => {
    const t = normalizeInline(s);
    if (/[\p{L}\p{N}]/u.test(t)) blocks.push(page === undefined ? { kind, text: t } : { kind, text: t, page });
  };
  for (const line of textLines) {
    page = line.page;
    const s = line.text;
    if (line.caption) {
      push('caption', s);
      continue;
    }
    if (line.heading) {
      push('heading', s);
      continue;
    }
    if (line.item) {
      push('body', s);
      continue;
    }
    const alt = splitAltCaption(s, title ?? options.knownTitle ?? null, repeatedPrefixes);
    if (alt) {
      dropped.push(alt.alt);
      const credit = splitCredit(alt.caption);
      if (credit) {
        push('caption', credit.caption);
        if (credit.rest) push(classify(credit.rest, false, photos), credit.rest);
      } else {
        push('caption', alt.caption);
      }
      continue;
    }
    const credit = splitCredit(s);
    if (credit) {
      push('caption', credit.caption);
      if (credit.rest) push(classify(credit.rest, false, photos), credit.rest);
      continue;
    }
    push(classify(s, spotCaptions.has(line), photos), s);
  }

  // The outlet tag that opens the lead: "(HPĐT)- Sáng 16-10, …".
  const lead = blocks.find((b) => b.kind === 'body');
  if (lead) {
    const tag = splitOutletPrefix(lead.text);
    if (tag) {
      outlets.push(tag.outlet);
      dropped.push(lead.text.slice(0, lead.text.length - tag.rest.length).trim());
      lead.text = tag.rest;
    }
  }

  return { blocks, title, dates, outlets, sources, byline: byline ?? headByline, dropped };
}

/** `photos`: the page has a photo somewhere (a spot, an image, a credit), so a line may describe one. */
function classify(s: string, besidePhoto: boolean, photos: boolean): BlockKind {
  if (besidePhoto || (photos && isCaptionLike(s))) return 'caption';
  if (isHeadingLike(s)) return 'heading';
  return 'body';
}

function lastTextIndex(lines: Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.text && !lines[i]?.spot) return i;
  return -1;
}

function isSectionLabel(s: string, following: Line[]): boolean {
  if (s.length > 120) return false;
  if (SECTION_LABELS.some((re) => re.test(s))) return true;
  // A short label directly above a longer headline.
  if (words(s).length > 5 || ENDS_LIKE_SENTENCE.test(s) || !/^\p{Lu}/u.test(s)) return false;
  const next = following.find((l) => l.text && !l.spot);
  return next !== undefined && isTitleLike(next.text) && next.text.length > s.length * 2 && words(next.text).length >= 6;
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

/** Joins blocks with "\n\n" and records each block's offsets in the joined text. */
export function layoutBlocks(blocks: CleanBlock[]): { text: string; blocks: Block[] } {
  const out: Block[] = [];
  let pos = 0;
  const parts: string[] = [];
  for (const b of blocks) {
    if (parts.length > 0) pos += 2;
    const block: Block = { kind: b.kind, text: b.text, start: pos, end: pos + b.text.length };
    if (b.page !== undefined) block.page = b.page;
    out.push(block);
    parts.push(b.text);
    pos += b.text.length;
  }
  return { text: parts.join('\n\n'), blocks: out };
}
