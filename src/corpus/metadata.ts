/**
 * Pure functions that read an article's metadata: dates, outlet tags, bylines, and the title fallback.
 *
 * Dates are read as far as the text tells them and never guessed: "Chiều 15-10" with no year anywhere
 * gives day 15, month 10, `yearMissing: true` and `iso: null`.
 */
import type { ArticleDate, CleanResult, DateCandidate } from './types.js';
import type { FormatMeta } from './formats/types.js';
import { cutWithEllipsis } from '../text/normalise.js';
import { firstSentence } from '../text/sentences.js';
import { firstPlace, placesIn, placesNamedIn } from '../text/gazetteer.js';
import { tokenize, type Token } from '../text/tokens.js';

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Letters are not ASCII in Vietnamese, so `\b` does not work: these stand in for it. */
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

interface DateMatch {
  index: number;
  length: number;
  year?: number;
  month?: number;
  day?: number;
}

type DatePattern = (s: string) => DateMatch | null;

function re(source: string, flags = 'iu'): RegExp {
  return new RegExp(source, flags);
}

function toMatch(m: RegExpExecArray, parts: { year?: string; month?: string; day?: string }): DateMatch {
  const out: DateMatch = { index: m.index, length: m[0].length };
  if (parts.year !== undefined) out.year = Number(parts.year);
  if (parts.month !== undefined) out.month = Number(parts.month);
  if (parts.day !== undefined) out.day = Number(parts.day);
  return out;
}

/**
 * The date shapes found in Vietnamese news pages, most specific first. Each returns the first match in
 * the string. Days/months are D/M (Vietnamese order), never M/D.
 */
const DATE_PATTERNS: Array<{ name: string; find: DatePattern }> = [
  {
    // 2024-10-16, 2024-10-16T07:56:00+07:00 (ISO, as in front matter or "date 2024-10-16" stamps)
    name: 'iso-day',
    find: (s) => {
      const m = re(`${NOT_AFTER_WORD}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)`).exec(s);
      return m ? toMatch(m, { year: m[1], month: m[2], day: m[3] }) : null;
    },
  },
  {
    // 16/10/2024, 16-10-2024, 16.10.2024 (same separator twice)
    name: 'dmy',
    find: (s) => {
      const m = re(`${NOT_AFTER_WORD}(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?!\\d)`).exec(s);
      return m ? toMatch(m, { day: m[1], month: m[3], year: m[4] }) : null;
    },
  },
  {
    // "Ngày 9 tháng 1 năm 2021", "9 tháng 1, 2021", "ngày 9 tháng 1" (year may be missing)
    name: 'vn-long',
    find: (s) => {
      const m = re(
        `${NOT_AFTER_WORD}(?:ngày\\s+)?(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|,|/)\\s*(\\d{4}))?(?!\\d)`,
      ).exec(s);
      return m ? toMatch(m, { day: m[1], month: m[2], year: m[3] }) : null;
    },
  },
  {
    // 2021-01 (month precision; "date 2021-01" stamps). Not "2020-2025" (a term of office).
    name: 'iso-month',
    find: (s) => {
      const m = re(`${NOT_AFTER_WORD}(\\d{4})-(\\d{1,2})(?![\\d-])`).exec(s);
      return m ? toMatch(m, { year: m[1], month: m[2] }) : null;
    },
  },
  {
    // "tháng 10 năm 2024", "tháng 10/2024" (month precision)
    name: 'vn-month',
    find: (s) => {
      const m = re(`${NOT_AFTER_WORD}tháng\\s+(\\d{1,2})\\s*(?:năm\\s+|/\\s*)(\\d{4})(?!\\d)`).exec(s);
      return m ? toMatch(m, { month: m[1], year: m[2] }) : null;
    },
  },
  {
    // 15-10, 14/1 (no year: yearMissing). "." is not accepted here: "4.466" is a number.
    name: 'dm',
    find: (s) => {
      const m = re(`(?<![\\p{L}\\p{N}.,/-])(\\d{1,2})[/-](\\d{1,2})(?![\\d/-])`).exec(s);
      return m ? toMatch(m, { day: m[1], month: m[2] }) : null;
    },
  },
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds an ArticleDate from known parts; null when the parts are not a real calendar date. */
export function makeDate(raw: string, parts: { year?: number; month?: number; day?: number }): ArticleDate | null {
  const { year, month, day } = parts;
  if (year !== undefined && (year < 1900 || year > 2100)) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined) {
    if (month === undefined) return null;
    const max = daysInMonth(year ?? 2000 /* a leap year: 29/2 stays possible */, month);
    if (day < 1 || day > max) return null;
  }
  const out: ArticleDate = { iso: null, raw, precision: 'none', yearMissing: false };
  if (year !== undefined) out.year = year;
  if (month !== undefined) out.month = month;
  if (day !== undefined) out.day = day;
  if (year !== undefined) {
    if (month !== undefined && day !== undefined) {
      out.iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      out.precision = 'day';
    } else if (month !== undefined) {
      out.iso = `${pad(year, 4)}-${pad(month)}`;
      out.precision = 'month';
    } else {
      out.iso = pad(year, 4);
      out.precision = 'year';
    }
  } else if (month !== undefined) {
    // Day and month are known but the article never says the year: keep them, never guess the year.
    out.yearMissing = true;
    out.precision = day !== undefined ? 'day' : 'month';
  }
  return out;
}

interface FoundDate {
  date: ArticleDate;
  index: number;
  length: number;
}

/** The first date found in `s` (most specific shape wins); `allowYearless` admits "15-10". */
function findDate(s: string, opts: { allowYearless: boolean }): FoundDate | null {
  for (const p of DATE_PATTERNS) {
    if (p.name === 'dm' && !opts.allowYearless) continue;
    const m = p.find(s);
    if (!m) continue;
    const raw = s.slice(m.index, m.index + m.length);
    const parts: { year?: number; month?: number; day?: number } = {};
    if (m.year !== undefined) parts.year = m.year;
    if (m.month !== undefined) parts.month = m.month;
    if (m.day !== undefined) parts.day = m.day;
    const date = makeDate(raw, parts);
    if (date) return { date, index: m.index, length: m.length };
  }
  return null;
}

/**
 * Parses a date written on its own: a front-matter value, a stamp, a dateline.
 * Accepts "2024-10-16", "2024-10", "2024", "16/10/2024", "16-10-2024", "ngày 16.10.2024",
 * "Ngày 9 tháng 1 năm 2021", "07:56 16/10/2024", "Chiều 15-10" (yearMissing). Null when no date.
 */
export function parseDate(text: string): ArticleDate | null {
  const s = text.normalize('NFC').trim();
  if (!s) return null;
  if (/^\d{4}$/.test(s)) return makeDate(s, { year: Number(s) });
  const found = findDate(s, { allowYearless: true });
  if (!found) return null;
  return { ...found.date, raw: stripEdgePunct(s) };
}

/** Words that may stand around a date on a dateline without being article text. */
const DATE_FILLERS: RegExp[] = [
  // weekday names: "Thứ Hai", "Thứ 2", "Chủ nhật", "T2"
  re(`${NOT_AFTER_WORD}(?:thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s+nhật|cn|t[2-7])${NOT_BEFORE_WORD}`, 'giu'),
  // times: "07:56", "7:56:12 AM", "10h30"
  re(`${NOT_AFTER_WORD}\\d{1,2}(?::\\d{2}(?::\\d{2})?|h\\d{2})(?:\\s*(?:am|pm|sa|ch))?${NOT_BEFORE_WORD}`, 'giu'),
  // time zones: "GMT+7", "(GMT+07:00)", "ICT"
  re(`${NOT_AFTER_WORD}(?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|${NOT_AFTER_WORD}ict${NOT_BEFORE_WORD}`, 'giu'),
  // labels: "Cập nhật:", "Ngày đăng:", "Đăng lúc", "Thời gian:", "date", "Published"
  re(
    `${NOT_AFTER_WORD}(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|thời gian|ngày|lúc|date|published|posted|updated|giờ)${NOT_BEFORE_WORD}`,
    'giu',
  ),
  // time-of-day words: "Sáng", "Chiều" ("Chiều 15-10" alone on a line is a dateline)
  re(`${NOT_AFTER_WORD}(?:sáng|chiều|trưa|tối|đêm)${NOT_BEFORE_WORD}`, 'giu'),
];

/**
 * True when a line is nothing but a date (plus weekday, time, time zone, label and punctuation):
 * "Ngày 9 tháng 1 năm 2021.", "07:56 16/10/2024", "Thứ Hai, 16/10/2024 | 07:56 GMT+7".
 */
export function isDateOnlyLine(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 80) return false;
  const found = findDate(s, { allowYearless: true });
  if (!found) return false;
  let rest = s.slice(0, found.index) + ' ' + s.slice(found.index + found.length);
  for (const f of DATE_FILLERS) rest = rest.replace(f, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** The dateline's date: `raw` is the line without edge punctuation, e.g. "Ngày 9 tháng 1 năm 2021". */
export function parseDateLine(line: string): ArticleDate | null {
  if (!isDateOnlyLine(line)) return null;
  const found = findDate(line.trim(), { allowYearless: true });
  return found ? { ...found.date, raw: stripEdgePunct(line.trim()) } : null;
}

function stripEdgePunct(s: string): string {
  return s.replace(/^[\s|,;:.–—-]+|[\s|,;:.–—-]+$/gu, '');
}

/**
 * A date stamp glued in front of the lead paragraph by a scraper: " date 2021-01 Chiều 14/1, …",
 * "Cập nhật: 16/10/2024 07:56 Sáng 16-10, …", "2024-10-16 Sáng 16-10, …". Only machine-looking stamps
 * (a label word such as "date"/"cập nhật", an ISO date, or time + date) are split off, never the
 * natural "Ngày 15/10, …" that opens many leads.
 */
export function splitGluedDateStamp(line: string): { stamp: string; rest: string } | null {
  const s = line.trim();
  const DATE = '(?:\\d{4}-\\d{1,2}(?:-\\d{1,2})?(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}(?<sep>[/.-])\\d{1,2}\\k<sep>\\d{4}(?:,?\\s+\\d{1,2}:\\d{2})?)';
  const patterns = [
    // "date 2021-01 …", "Ngày đăng: 16/10/2024 …", "Cập nhật 16/10/2024 07:56 …"
    re(`^((?:date|published|posted|updated|ngày đăng|đăng ngày|đăng lúc|cập nhật|thời gian đăng)\\s*:?\\s*${DATE})\\s+(?=\\S)`),
    // a bare ISO date/time in front of text
    re(`^(\\d{4}-\\d{1,2}(?:-\\d{1,2})?(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?)\\s+(?=\\p{L})`),
    // "07:56 16/10/2024 Sáng 16-10, …"
    re(`^(\\d{1,2}:\\d{2}\\s+\\d{1,2}([/.-])\\d{1,2}\\2\\d{4})\\s+(?=\\p{L})`),
  ];
  for (const p of patterns) {
    const m = p.exec(s);
    if (!m || m[1] === undefined) continue;
    const rest = s.slice(m[0].length).trim();
    if (!rest) return null;
    return { stamp: m[1], rest };
  }
  return null;
}

/** Words that open a lead with the meeting's date: "Chiều 15-10, …", "Sáng nay (16/10), …", "Ngày 9/1, …". */
const LEAD_DATE_OPENER = re('^(?:sáng|chiều|trưa|tối|đêm|ngày|hôm nay|hôm qua)(?:\\s+(?:nay|qua|mai))?(?:\\s+ngày)?\\s*\\(?\\s*');

/**
 * The date a lead paragraph opens with, e.g. "Chiều 15-10, Ban Chấp hành …" → day 15, month 10,
 * yearMissing. `raw` is "Chiều 15-10".
 */
export function findLeadDate(paragraph: string): ArticleDate | null {
  const s = paragraph.trim();
  const opener = LEAD_DATE_OPENER.exec(s);
  if (!opener) return null;
  const rest = s.slice(opener[0].length, opener[0].length + 40);
  const found = findDate(rest, { allowYearless: true });
  if (!found || found.index !== 0) return null;
  const raw = s.slice(0, opener[0].length + found.length).replace(/\s*\(\s*$/u, '');
  return { ...found.date, raw: raw.replace(/\($/u, '').trim() };
}


/**
 * Chooses the article's date: front matter, else a full dateline, else a stamp (completed with the
 * lead's day when the stamp gives only the same month), else the lead's own date (maybe without a year).
 */
export function resolveDate(
  candidates: DateCandidate[],
  leadParagraphs: string[],
  frontMatterDate?: string,
): { date: ArticleDate | null; warnings: string[] } {
  const warnings: string[] = [];
  if (frontMatterDate !== undefined) {
    const d = parseDate(frontMatterDate);
    if (d) return { date: { ...d, raw: frontMatterDate.trim() }, warnings };
    warnings.push(`front matter date "${frontMatterDate}" is not a date I can read; using the date in the text`);
  }

  const parsed: ArticleDate[] = [];
  for (const c of [...candidates].sort((a, b) => rank(a.where) - rank(b.where))) {
    const d = c.where === 'stamp' ? parseDate(c.raw.replace(/^[^\d]*/u, '')) : parseDateLine(c.raw);
    if (d) parsed.push({ ...d, raw: stripEdgePunct(c.raw) });
  }
  let lead: ArticleDate | null = null;
  for (const p of leadParagraphs) {
    lead = findLeadDate(p);
    if (lead) break;
  }

  const full = parsed.find((d) => d.precision === 'day' && !d.yearMissing);
  if (full) return { date: full, warnings };

  const best = parsed.find((d) => !d.yearMissing) ?? null;
  if (best && lead && best.precision === 'month' && lead.year === undefined && lead.month === best.month && lead.day !== undefined && best.year !== undefined) {
    const combined = makeDate(`${best.raw} ${lead.raw}`, { year: best.year, month: best.month, day: lead.day });
    if (combined) return { date: combined, warnings };
  }
  if (best) return { date: best, warnings };
  if (lead) {
    if (lead.yearMissing) warnings.push(`the article gives the date "${lead.raw}" without a year; the year is left unknown`);
    return { date: lead, warnings };
  }
  const yearless = parsed[0];
  if (yearless) {
    warnings.push(`the article gives the date "${yearless.raw}" without a year; the year is left unknown`);
    return { date: yearless, warnings };
  }
  return { date: null, warnings };
}

function rank(where: DateCandidate['where']): number {
  return where === 'head' ? 0 : where === 'stamp' ? 1 : 2;
}

// ---------------------------------------------------------------------------------------------
// Outlets
// ---------------------------------------------------------------------------------------------

/** Media-type labels that look like an outlet tag but are not one. */
const NOT_OUTLETS = /^(?:VIDEO|ẢNH|PHOTO|CLIP|INFOGRAPHIC|INFOGRAPHICS|EMAGAZINE|PODCAST|LIVE|TOP|HOT|MỚI|NEW)$/u;

/**
 * A line that is only an outlet tag: "SGGPO", "TTXVN", "QĐND", "VOV.VN", "baochinhphu.vn".
 * Returns the outlet or null.
 */
export function outletFromLine(line: string): string | null {
  const s = line.trim();
  if (NOT_OUTLETS.test(s)) return null;
  if (/^\p{Lu}[\p{Lu}\d&]{1,11}(?:\.(?:VN|COM|NET))?$/u.test(s)) return s;
  if (/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:vn|com|net|org)$/iu.test(s) && s.length <= 40) return s;
  return null;
}

/**
 * An outlet tag that opens the lead: "(HPĐT)- Sáng 16-10, …", "(Chinhphu.vn) - …", "(ĐCSVN) – …".
 * Returns the outlet and the lead without the tag, or null.
 */
export function splitOutletPrefix(paragraph: string): { outlet: string; rest: string } | null {
  const m = /^\(\s*([^()]{2,30}?)\s*\)\s*[-–—:]\s*(?=\S)/u.exec(paragraph);
  if (!m || m[1] === undefined) return null;
  const tag = m[1];
  const isTag = /^[\p{Lu}\d&.]{2,15}$/u.test(tag) || /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:vn|com|net|org)$/iu.test(tag);
  if (!isTag || NOT_OUTLETS.test(tag)) return null;
  return { outlet: tag, rest: paragraph.slice(m[0].length) };
}

/** "Theo TTXVN", "Nguồn: Báo Nhân Dân", "(Theo VOV)" at the end of an article: the source it came from. */
export function sourceFromLine(line: string): string | null {
  const m = /^\(?\s*(?:theo|nguồn)\s*:?\s+([^()]{2,60}?)\s*\)?\.?$/iu.exec(line.trim());
  if (!m || m[1] === undefined) return null;
  const src = m[1].trim();
  // "Theo đó, …" is prose, not a source: a source starts with a capital letter or is a domain.
  if (!/^[\p{Lu}\d]/u.test(src) && !/\.(?:vn|com|net|org)$/iu.test(src)) return null;
  if (/[.!?]\s/u.test(src)) return null;
  return src;
}

// ---------------------------------------------------------------------------------------------
// Bylines
// ---------------------------------------------------------------------------------------------

/** "Bài và ảnh:", "Tin, ảnh:", "PV:" — labels in front of a byline. */
const BYLINE_LABEL = /^(?:bài và ảnh|tin và ảnh|bài, ảnh|tin, ảnh|bài|tin|nhóm pv|pv|phóng viên|tác giả)\s*:\s*/iu;

/** One word of a person's name as printed: "Thái", "Sỹ", "HƯỜNG", "Đ." */
function isNameWord(w: string): boolean {
  return /^\p{Lu}(?:[\p{Ll}\p{M}]*|[\p{Lu}\p{M}]*)\.?$/u.test(w);
}

function isAllCapsWord(w: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{M}]*$/u.test(w);
}

/** 1–5 name words; a single word must be ALL CAPS ("PV", "HOÀNG") to count as a name. */
function isName(s: string): boolean {
  const words = s.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 1 || words.length > 5) return false;
  if (!words.every(isNameWord)) return false;
  if (words.length === 1 && !(isAllCapsWord(words[0] ?? '') && (words[0] ?? '').length >= 2)) return false;
  return true;
}

export interface Byline {
  /** The byline as printed. */
  raw: string;
  /** The person(s): "Thái Hùng", "THU HƯỜNG", "Hồ Sỹ Trung". */
  author: string;
  /** What follows the name: office or position ("Phó Bí thư Thường trực Thành ủy Đông Hà"), if any. */
  role: string | null;
}

/**
 * Reads a byline line: a name, optionally followed by "(office)", "- position", ", position", or a
 * co-author ("THU HÀ - MINH ANH"). Null when the line does not look like a byline.
 */
export function parseByline(line: string): Byline | null {
  const raw = line.trim();
  if (!raw || raw.length > 160) return null;
  if (/[.!?…:;,]$/u.test(raw)) return null; // bylines do not end like a sentence
  const s = raw.replace(BYLINE_LABEL, '');
  const m = /^([^\-–—(),:;]+?)\s*(?:([-–—,(])\s*(.*?))?\s*$/u.exec(s);
  if (!m || m[1] === undefined) return null;
  const name = m[1].trim();
  if (!isName(name)) return null;
  const sep = m[2];
  let rest = (m[3] ?? '').trim();
  if (!sep) return { raw, author: name, role: null };
  if (sep === '(') {
    if (!rest.endsWith(')')) return null;
    rest = rest.slice(0, -1).trim();
  }
  if (!rest || rest.length > 120) return null;
  if (/[.!?]\s/u.test(rest)) return null; // a sentence, not an office
  // "THU HÀ - MINH ANH": co-authors, keep them together.
  if (sep !== '(' && rest.split(/\s*[-–—,&]\s*|\s+và\s+/u).every((part) => isName(part))) {
    return { raw, author: s.trim(), role: null };
  }
  return { raw, author: name, role: rest };
}

/** The whole of `name` is a place of the gazetteer ("HẠ LONG", "Hà Nội"): a dateline's place, not a byline. */
function isPlaceName(name: string): boolean {
  const cased = name.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toLocaleUpperCase('vi'));
  const tokens = tokenize(cased);
  const folded = tokens.map((t) => t.folded).join(' ');
  return tokens.length > 0 && placesIn(cased, tokens).some((n) => tokenize(n).map((t) => t.folded).join(' ') === folded);
}

/** Between a byline and its date on one line: "THANH HÀ - 05/06/2025 08:30", "MINH ANH | 07:56 05/06/2025". */
const BYLINE_DATE_SEPARATOR = /\s+[-–—|]\s+/gu;

/**
 * A byline and a whole date on one line under the title, or null: the name must read as a byline and
 * the rest as a dateline with day, month and year (a heading such as "Đại hội lần thứ 5 - 05/06/2025"
 * is no byline; a yearless "ngày 5/6" may be anything).
 */
export function splitBylineDate(line: string): { byline: string | null; date: string } | null {
  const s = line.trim();
  if (s.length > 120) return null;
  for (const sep of s.matchAll(BYLINE_DATE_SEPARATOR)) {
    const name = s.slice(0, sep.index).trim();
    const rest = s.slice(sep.index + sep[0].length).trim();
    const date = parseDateLine(rest);
    if (!date || date.precision !== 'day' || date.yearMissing) continue;
    const byline = parseByline(name);
    // "HẠ LONG - 05/06/2025": a place's dateline, its date but no author.
    if (isPlaceName(name)) return { byline: null, date: rest };
    if (byline && byline.role === null) return { byline: name, date: rest };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------


/**
 * A title made from a lead sentence when the page has no title line: the first sentence, without an
 * opening "Chiều 14/1, " date phrase, without its final period, cut at a word boundary to at most
 * `max` characters (with "…" when cut).
 */
export function titleFromLead(paragraph: string, max = 120): string {
  let s = firstSentence(paragraph).trim();
  const lead = findLeadDate(s);
  if (lead) {
    const after = s.slice(lead.raw.length).replace(/^\s*\)?\s*,\s*/u, '');
    if (/^\p{Lu}/u.test(after)) s = after;
  }
  s = s.replace(/[.!?…;:,\s]+$/u, '');
  return cutWithEllipsis(s, max);
}

// ---------------------------------------------------------------------------------------------
// Putting it together
// ---------------------------------------------------------------------------------------------

export interface ArticleMetadata {
  title: string;
  /** The place the report is about when its title does not name one (from the lead): cited beside the title. */
  subject: string | null;
  date: ArticleDate | null;
  outlet: string | null;
  author: string | null;
  /** The byline as printed (author plus office/position), or null. */
  byline: string | null;
  url: string | null;
  warnings: string[];
}

/**
 * A machine timestamp in another time zone ("2024-10-15T20:00:00Z", as og: tags, JSON-LD and Word
 * properties often give it) moved to Vietnam time (UTC+7), so that its day is the day the reader saw:
 * "2024-10-16T03:00:00+07:00". Anything else is returned as it is.
 */
export function toVietnamTime(raw: string): string {
  const s = raw.trim();
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/u.exec(s);
  if (!m || /^\+07:?00$/u.test(m[1]!)) return s;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return s;
  return `${new Date(t + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** Metadata from the cleaner's findings; front-matter values override what the text says. */
/** Paragraphs that must name a place for a report to be about it when its lead names none. */
const SUBJECT_MENTIONS = 2;

/** The place a report is about: the one its lead names, else the one most of its paragraphs name. */
function subjectOf(bodies: readonly string[], tokens: (text: string) => Token[]): string | null {
  // A person's given name is no place the report is about ("đồng chí Triệu Tài Vinh" is not Vinh, Nghệ An).
  const lead = bodies[0] ? (placesNamedIn(bodies[0], tokens(bodies[0]))[0] ?? null) : null;
  if (lead) return lead;
  const counts = new Map<string, number>();
  for (const b of bodies) for (const p of new Set(placesNamedIn(b, tokens(b)))) counts.set(p, (counts.get(p) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= SUBJECT_MENTIONS ? best[0] : null;
}

/**
 * Words before a title's date that make it a day the report recalls, not its own ("kỷ niệm ngày 3/2/1930",
 * "95 năm ngày thành lập Đảng 3/2/1930", "ngày sinh Chủ tịch Hồ Chí Minh 19/5/1890"): an anniversary, a
 * founding, a birth or a victory. Such a date is the report's only when it is that of the file's own year.
 */
// "thành lập" recalls a founding ("ngày thành lập Đảng"), not a founding decided at the meeting ("công bố
// quyết định thành lập Đảng bộ xã … ngày 30/6/2025").
const RECALLED_BEFORE = /(?<![\p{L}])(?:kỷ niệm|kỉ niệm|(?<!(?:quyết định|công bố|thông báo|tổ chức|về việc)\s+)thành lập|ngày sinh|ngày mất|ngày truyền thống|giải phóng|chiến thắng|khởi nghĩa|ra đời)(?![\p{L}])/iu;
/** Words before a title's date that make it a target, not a meeting's day ("đến ngày 31/12/2030", "tầm nhìn"). */
const TARGET_BEFORE = /(?<![\p{L}])(?:đến|tới|trước|tầm nhìn|giai đoạn|hạn)(?:\s+(?:ngày|năm))?\s*$/iu;
/**
 * Years a report is written after its meeting, at most: a title's date further before the file's own
 * (a Word file's creation) is one the report recalls.
 */
const REPORT_LAG_YEARS = 2;
/**
 * The earliest year a title's date may be a report's own when the file gives no date of its own: the
 * meeting reports this bot reads are news of the online press (since the late 1990s); an older date in a
 * title is history the report recalls ("3/2/1930", "2/9/1945").
 */
const EARLIEST_REPORT_YEAR = 1990;

/** "… số 18-NQ/TW ngày ", "… 54/2019/NQ-HĐND, ngày " just before a date. */
const NUMBERED_DOCUMENT_BEFORE = /\p{N}+[-/][\p{L}\p{N}\-/.]*\p{Lu}[\p{L}\p{N}\-/.]*,?\s+(?:ngày\s+)?$/u;

/**
 * A whole date (day, month, year) in a title, for an article whose text gives none ("Nghị quyết Hội nghị
 * lần thứ 12 ngày 12/7/2025"): closer to the meeting than the file's creation date. A year alone or a
 * yearless day says too little.
 */
function titleDate(title: string, fileDate: ArticleDate | null): ArticleDate | null {
  const found = findDate(title, { allowYearless: false });
  if (!found || found.date.precision !== 'day' || found.date.yearMissing) return null;
  if (!couldBeReportsOwn(found.date, title.slice(0, found.index), fileDate)) return null;
  // A second whole date ("(3/2/1930 - 3/2/2025)", "từ 1/1/2020 đến 31/12/2024") makes it a span or an
  // anniversary, not the meeting's day.
  if (findDate(title.slice(found.index + found.length), { allowYearless: false })) return null;
  // A numbered document's date ("Nghị quyết số 18-NQ/TW ngày 25/10/2017") is when it was issued, not when it was met on.
  if (NUMBERED_DOCUMENT_BEFORE.test(title.slice(0, found.index))) return null;
  return found.date;
}

/**
 * Can a title's date be the report's own day? Not one the report recalls: after an anniversary's words
 * unless in the file's own year, nor years before the file was made, nor (the file giving no date) before
 * the years of the reports this bot reads.
 */
function couldBeReportsOwn(date: ArticleDate, before: string, fileDate: ArticleDate | null): boolean {
  const year = date.year ?? 0;
  const fileYear = fileDate?.year;
  // A date after the file's year is the report's unless it is a target ("đến ngày 31/12/2030"): a Word file
  // made from an old one keeps that one's creation date.
  if (fileYear !== undefined) return year >= fileYear - REPORT_LAG_YEARS && (year <= fileYear + 1 || !TARGET_BEFORE.test(before)) && (!RECALLED_BEFORE.test(before) || year === fileYear);
  return year >= EARLIEST_REPORT_YEAR && !RECALLED_BEFORE.test(before);
}

/**
 * `tokens`: the tokenizer for finding places (a caller that tokenises the paragraphs again, for the index,
 * passes one that remembers them).
 */
export function extractMetadata(clean: CleanResult, fm: FormatMeta, tokens: (text: string) => Token[] = tokenize): ArticleMetadata {
  const warnings: string[] = [];
  const bodies = clean.blocks.filter((b) => b.kind === 'body').map((b) => b.text);

  let title = fm.title ?? clean.title;
  if (!title) {
    const lead = bodies[0];
    title = lead ? titleFromLead(lead) : '';
    if (title) warnings.push('no title line found; the title was made from the lead sentence');
  }

  const resolved = resolveDate(clean.dates, bodies.slice(0, 3), fm.date);
  let date = resolved.date;
  warnings.push(...resolved.warnings);
  const fileDate = fm.fileDate !== undefined ? parseDate(fm.fileDate) : null;
  if (!date && title) {
    date = titleDate(title, fileDate);
    if (date) warnings.push(`the text gives no date; using the date in the title (${date.raw})`);
  }
  if (!date && fm.fileDate !== undefined) {
    const d = fileDate;
    if (d) {
      date = { ...d, raw: fm.fileDate.trim() };
      warnings.push(`the text gives no date; using the date the file was created (${date.iso ?? fm.fileDate})`);
    }
  }
  if (!date) warnings.push('no date found in the article');

  const outlet = fm.outlet ?? clean.outlets[0] ?? clean.sources[0] ?? null;
  const byline = clean.byline ? parseByline(clean.byline) : null;
  const author = fm.author ?? byline?.author ?? null;

  const subject = title && firstPlace(title, tokens(title)) ? null : subjectOf(bodies, tokens);
  return {
    title: title ?? '',
    subject,
    date,
    outlet,
    author,
    byline: clean.byline,
    url: fm.url ?? null,
    warnings,
  };
}
