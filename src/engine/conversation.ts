/**
 * Follow-up questions, read against the last exchange of a chat (pure: no index, no clock).
 *
 * "thế còn Nghệ An?", "còn năm 2021?", "thế còn đảng viên?", "ông ấy yêu cầu gì?", "hội nghị đó …",
 * "bài đó …": the place, year, counted unit or person of the previous question is replaced (or the
 * missing part added), the rest kept, giving a whole question that then goes the normal way. A
 * pronoun with nothing to refer to is not guessed: the caller asks who is meant, and the next message
 * (a name or a title) completes the question that was waiting.
 */
import { analyzeQuery } from '../search/analyse.js';
import { findConstraints, type Constraint } from '../search/entities.js';
import { arePlaceInitials, findPlaces, onePlaceSpelling, placeOfInitials } from '../text/gazetteer.js';
import { PERSON_NAMED_FORMS } from '../text/places.js';
import { fold } from '../text/normalise.js';
import { tokenize } from '../text/tokens.js';
import { isFamilyName } from '../text/names.js';

/** Collapses white space, keeping case and marks (names stay capitalised). */
export const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What a chat keeps of its last turn. */
export interface TurnContext {
  /** The whole question as searched (after any rewriting). */
  question: string;
  /** Place, name and year constraints of the question, as labels ("Hải Phòng", "2020"). */
  constraints: Array<{ kind: Constraint['kind']; label: string }>;
  /** The counted unit of a counting question ("chi bộ", "đảng viên"), as written in `question`. */
  measure: string | null;
  /** The person the answer or question names (for "ông ấy", "bà ấy", "người đó"). */
  person: string | null;
  /** The chunks the answer showed, best first, and their articles. */
  chunkIds: string[];
  articleIds: string[];
  /** A question that waits for "who?" to be answered ("ông ấy yêu cầu gì?" with no one before). */
  pendingWho?: string;
}

export interface FollowUp {
  /** The question to search: the message itself, or the rewritten whole question. */
  question: string;
  /** The rewritten question, when the message was read as a follow-up (null otherwise). */
  interpreted: string | null;
  /** A person pronoun with nobody to refer to: ask who is meant. */
  needsWho: boolean;
  /** Answers must come from these articles (the previous answer's, for "bài đó", "hội nghị đó", "trong đó"). */
  articleIds: string[] | null;
  /** A relative year ("năm ngoái") with no year in the chat to count from: no answer to it is a sure one. */
  unanchored?: true;
}

const PRONOUN = /(?<![\p{L}])(ông|bà|anh|chị|đồng chí|người|vị)\s+(ấy|đó|này|nọ)(?![\p{L}])/iu;
/** "what did he ask for?": an English pronoun, read as one only in a message with English words around it. */
const PRONOUN_EN = /(?<![\p{L}])(he|she|him|her)(?![\p{L}])/iu;
const ENGLISH = /(?<![\p{L}])(what|did|does|who|when|where|how|say|said|ask|asked|is|was|tell)(?![\p{L}])/iu;
const THING = /(?<![\p{L}])(hội nghị|đại hội|cuộc làm việc|cuộc họp|buổi làm việc|sự kiện|bài viết|bài báo|bài)\s+(đó|ấy|này|trên)(?![\p{L}])/iu;
const WITHIN = /(?<![\p{L}])(trong (số )?(đó|này)|bên nào|ai trong số|cùng làm việc|mỗi người)(?![\p{L}])/iu;
/** "còn …", "thế còn …", "vậy còn …", "so với … thì sao", "… thì sao". */
const LEAD = /^(?:(?:thế|vậy|thế thì|vậy thì|vậy)\s+)?(?:còn|so với|với lại|thế còn)\s+|^(?:and\s+)?(?:what|how)\s+about\s+|^and\s+/iu;
const TAIL = /\s*(?:thì sao|thì thế nào|thì như thế nào|ra sao|thế nào|nữa)?\s*(?:nhỉ|ạ|vậy|hả)?\s*[?.!…]*\s*$/iu;
const SAO_ONLY = /\s+thì sao\s*[?.!…]*\s*$/iu;
const QUESTION_WORDS = /(?<![\p{L}])(bao nhiêu|mấy|gì|ai|nào|đâu|khi nào|không|hay|sao)(?![\p{L}])/iu;
/** A name given after "ai?" was asked: fillers around it. */
const WHO_FILLERS = /^(?:(?:ý mình là|ý tôi là|ý em là|ý là|mình hỏi|tôi hỏi|em hỏi|tức là|người đó là|đó là|là|ý)\s+)+|\s+(?:ấy|đó|nhé|ạ|nha)\s*[?.!…]*$|[?.!…]+$/giu;

/** A person's title right before a capitalised run that names a person as well as a place (PERSON_NAMED_FORMS). */
const TITLED = /(?:chủ tịch|bác|đồng chí|ông|bà|cụ)\s+$/iu;
const NAME_RUN = /\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+/gu;

/** Vietnamese full names in a text ("Lê Tiến Châu"), with where they start. */
export function personNames(text: string): Array<{ name: string; at: number }> {
  const out: Array<{ name: string; at: number }> = [];
  for (const m of text.normalize('NFC').matchAll(NAME_RUN)) {
    const words = m[0].split(/\s+/);
    let offset = m.index;
    for (let i = 0; i < words.length; i++) {
      // A place whose first word is also a family name ("Hà Nội", "Hồ Chí Minh", "Thái Bình") is no one,
      // unless a title says a name that is both is the person ("Chủ tịch Hồ Chí Minh"; "Chủ tịch Hà Nội" is the city's).
      const titled = TITLED.test(text.normalize('NFC').slice(0, offset)) && PERSON_NAMED_FORMS.some((f) => words.slice(i).join(' ').startsWith(f));
      const place = titled ? 0 : placeAt(words.slice(i, i + 4).join(' '));
      if (place > 0) {
        for (let k = 0; k < place; k++) offset += words[i + k]!.length + 1;
        i += place - 1;
        continue;
      }
      if (isFamilyName(words[i]!.toLowerCase()) && i + 1 < words.length) {
        const name = words.slice(i, Math.min(words.length, i + 4)).join(' ');
        out.push({ name, at: offset });
        break;
      }
      offset += words[i]!.length + 1;
    }
  }
  return out;
}

/** How many words of the gazetteer's place `text` starts with (0: it does not start with a place). */
function placeAt(text: string): number {
  const tokens = tokenize(text);
  const hit = findPlaces(text, tokens, false)[0];
  return hit && hit.first === 0 ? text.slice(0, tokens[hit.length - 1]!.end).split(/\s+/).length : 0;
}

/**
 * The person an exchange is about: a name in the question, else the name in the answer's quotes
 * that stands closest after the question's words ("Bí thư Thành ủy … đồng chí Lê Tiến Châu").
 */
export function personOf(question: string, quotes: readonly string[]): string | null {
  const inQuestion = personNames(question);
  if (inQuestion.length > 0) return inQuestion[0]!.name;
  const words = (t: string) => fold(t).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const pairs = (w: string[]) => w.slice(1).map((x, i) => `${w[i]} ${x}`);
  const asked = new Set(pairs(words(question)));
  let best: { name: string; score: number } | null = null;
  for (const [rank, quote] of quotes.entries()) {
    for (const n of personNames(quote)) {
      // The words around a name say who it is: "Phạm Quang Hiển, Bí thư Đảng ủy Khối …".
      const around = pairs(words(quote.slice(Math.max(0, n.at - 50), n.at))).concat(pairs(words(quote.slice(n.at + n.name.length, n.at + n.name.length + 70))));
      // Better-ranked quotes win ties: a little less per rank down.
      const score = new Set(around.filter((p) => asked.has(p))).size - rank * 0.1;
      if (!best || score > best.score) best = { name: n.name, score };
    }
  }
  return best?.name ?? null;
}

/**
 * A follow-up that is one bare word, a place's letters ("còn hue?") or initials ("còn hn?"): the place,
 * read without the corpus's words (which would tell "hue" from a word), since nothing else stands there.
 * Several places' initials stay initials, asked about as typed.
 */
function bareFollowUpPlace(rest: string): Array<Pick<Constraint, 'kind' | 'label'>> {
  if (!/^\p{L}+$/u.test(rest)) return [];
  const letters = fold(rest.toLowerCase());
  const spelled = onePlaceSpelling(letters);
  if (spelled) return [{ kind: 'place', label: spelled.charAt(0).toUpperCase() + spelled.slice(1) }];
  // Initials with a vowel spell a word as often ("còn ta?"): only in capitals ("còn NA?").
  if (!arePlaceInitials(letters) || (/[aeiouy]/u.test(letters) && rest !== rest.toUpperCase())) return [];
  return [{ kind: 'place', label: placeOfInitials(letters)?.label ?? rest.toUpperCase() }];
}

/** The parts of a question a follow-up can replace. */
export function turnOf(question: string, answer: { chunkIds: string[]; articleIds: string[]; quotes: string[]; person?: string | null }): TurnContext {
  const q = analyzeQuery(question);
  const constraints = findConstraints(q).map((c) => ({ kind: c.kind, label: c.label }));
  // A one-syllable place that starts the question ("Huế kết nạp …") is read as one after a word.
  for (const c of findConstraints(analyzeQuery(`còn ${question}`))) {
    if (c.kind === 'place' && !constraints.some((p) => p.label === c.label)) constraints.push({ kind: c.kind, label: c.label });
  }
  const unit = q.countUnit;
  return {
    question,
    constraints,
    measure: unit ? measureText(question, unit) : null,
    person: answer.person ?? personOf(question, answer.quotes),
    chunkIds: answer.chunkIds,
    articleIds: answer.articleIds,
  };
}

/** The counted unit as written in the question (the analysed unit is lower case, maybe folded). */
function measureText(question: string, unit: readonly string[]): string | null {
  const m = new RegExp(`(?:bao nhiêu|bao nhieu|mấy)\\s+(\\S+(?:\\s+\\S+)?)`, 'iu').exec(question);
  if (!m) return null;
  const after = question.slice(m.index + m[0].length - m[1]!.length).replace(/[?.!…]+\s*$/u, '').split(/\s+/);
  // "bao nhiêu tổ chức đảng?": a last word left alone belongs to the unit.
  const n = after.length === unit.length + 1 ? after.length : unit.length;
  return after.slice(0, n).map((w) => w.replace(/[?.!,;:]+$/u, '')).join(' ');
}

/** A text as a literal in a regular expression. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const strip = (s: string) => s.replace(/[?.!…\s]+$/u, '');

/** Replaces `label` (with an administrative word before it) in `text` by `by`; null when absent. */
function replaceLabel(text: string, label: string, by: string): string | null {
  const re = new RegExp(`((?:thành phố|TP\\.?|tỉnh|quận|huyện)\\s+)?${escapeRe(label)}`, 'iu');
  if (re.test(text)) return text.replace(re, by);
  // Typed without marks ("bi thu tinh uy Quang Tri", "in Nghe An"): found folded, replaced in place
  // (folding NFC Vietnamese keeps every offset: one letter for one).
  const t = text.normalize('NFC');
  const f = fold(t);
  if (f.length !== t.length) return null;
  const m = new RegExp(`(?<![\\p{L}])((?:thanh pho|TP\\.?|tinh|quan|huyen)\\s+)?${escapeRe(fold(label))}(?![\\p{L}])`, 'iu').exec(f);
  return m ? t.slice(0, m.index) + by + t.slice(m.index + m[0].length) : null;
}

/**
 * "năm ngoái", "năm trước", "năm sau", "năm tới", "năm kia" and English "last year", "the year before",
 * "next year": a year counted from the one the chat was about. English users ask follow-ups in English
 * ("what about last year?"), which were read as words to search for and refused.
 */
const RELATIVE_YEAR_WORDS =
  '(?:(?:năm|nam)\\s+(?:ngoái|ngoai|trước|truoc|sau|tới|toi|kia)|(?:in\\s+)?(?:the\\s+)?(?:last|previous|next|following)\\s+year|(?:in\\s+)?the\\s+year\\s+(?:before(?:\\s+last)?|after))';
const RELATIVE_YEAR = new RegExp(`^${RELATIVE_YEAR_WORDS}$`, 'iu');
/** How many years back or on each relative year's words count ("năm kia", "the year before last": two back). */
const RELATIVE_YEAR_STEPS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(?:kia|before\s+last)$/iu, -2],
  [/(?:ngoái|ngoai|trước|truoc|before)$|(?:last|previous)\s+year$/iu, -1],
];

/** A relative year as the year it names, counted from the previous question's year; as typed without one (no clock here). */
function relativeYear(rest: string, previous: TurnContext): string {
  const m = RELATIVE_YEAR.exec(rest);
  const year = previous.constraints.find((c) => c.kind === 'year');
  if (!m || !year) return rest;
  const step = RELATIVE_YEAR_STEPS.find(([re]) => re.test(m[0]))?.[1] ?? 1;
  return `năm ${Number(year.label) + step}`;
}

/** A relative year inside a question ("năm ngoái ai chủ trì?"). */
const RELATIVE_YEAR_IN = new RegExp(`(?<![\\p{L}])${RELATIVE_YEAR_WORDS}(?![\\p{L}])`, 'iu');
/** What makes a short message a question that leans on the last one: "hay", "không", "sao" alone are remarks too. */
const BARE_QUESTION_WORDS = /(?<![\p{L}])(bao nhiêu|mấy|gì|ai|nào|đâu|khi nào)(?![\p{L}])|(?<![\p{L}])(không|chưa)\s*[?]*$/iu;
/** The same typed without marks ("ai chu tri?"); not "may", which is as often "máy". */
const BARE_QUESTION_WORDS_UNMARKED = /(?<![\p{L}])(bao nhieu|gi|ai|nao|dau|khi nao)(?![\p{L}])|(?<![\p{L}])(khong|chua)\s*[?]*$/iu;

function asksSomething(q: string): boolean {
  const lower = q.toLowerCase();
  return BARE_QUESTION_WORDS.test(q) || (fold(lower) === lower && BARE_QUESTION_WORDS_UNMARKED.test(q));
}

/** At most this many words to a bare question that leans on the last one ("ai chủ trì?", "diễn ra khi nào?"). */
const MAX_BARE_WORDS = 5;

/**
 * "ai chủ trì?" right after a question about a place or a year: asked of that place and year, since a
 * question this short that names none of its own goes on with the chat's subject.
 */
function bareQuestion(text: string, previous: TurnContext): FollowUp | null {
  let q = strip(text);
  // A remark ("hay quá", "không phải") is no question: only a question word that asks for something.
  if (previous.constraints.length === 0 || q.split(/\s+/).length > MAX_BARE_WORDS || !asksSomething(q)) return null;
  // "năm ngoái ai chủ trì?": the year counted from the chat's, not the chat's year itself.
  const relative = RELATIVE_YEAR_IN.exec(q);
  if (relative) q = q.replace(relative[0], relativeYear(relative[0], previous));
  if (!relative && findConstraints(analyzeQuery(`còn ${q}`)).length > 0) return null;
  if (personNames(q).length > 0) return null;
  const subject = previous.constraints.filter((c) => !relative || c.kind !== 'year').map((c) => (c.kind === 'year' ? `năm ${c.label}` : c.label));
  // No year in the chat to count from: "năm ngoái" stays as typed and no report's answer is a sure one (as "còn năm ngoái?").
  const unanchored = relative !== null && !previous.constraints.some((c) => c.kind === 'year') ? { unanchored: true as const } : {};
  if (subject.length === 0) return relative ? { question: `${q}?`, interpreted: `${q}?`, needsWho: false, articleIds: null, ...unanchored } : null;
  const question = `${q} (${subject.join(', ')})?`;
  return { question, interpreted: question, needsWho: false, articleIds: null, ...unanchored };
}

/** A place typed as a name: each of its one to four words capitalised ("Đồng Văn", "Yên Minh"). */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}$/u;
/** The same after a word that leads a place in the last question ("ở Yên Minh", "huyện Yên Minh"). */
const PLACE_AFTER = /(?<=(?:^|\s)(?:ở|tại|huyện|tỉnh|xã|quận|thị xã|thành phố|TP\.?)\s+)\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}/u;

/**
 * "còn Đồng Văn?" after "ai chủ trì hội nghị ở Yên Minh?": the last question of the new place, which
 * replaces the capitalised place after "ở", "huyện" … there, or is added ("… ở Đồng Văn"); without this the
 * question was "Đồng Văn ?" alone. Null when `rest` is not a capitalised name.
 */
function unknownPlace(rest: string, prevQ: string, previous: TurnContext): string | null {
  if (!CAPITALISED.test(rest)) return null;
  if (PLACE_AFTER.test(prevQ)) return `${prevQ.replace(PLACE_AFTER, rest)}?`;
  // The last question's one place ("… Quảng Ngãi có …", "… did Quang Ngai have …") gives way to it: kept
  // beside it, that place's report answered for the new one.
  const places = previous.constraints.filter((c) => c.kind === 'place');
  const replaced = places.length === 1 ? replaceLabel(prevQ, places[0]!.label, rest) : null;
  // Opening the question, a name the gazetteer lacks reads as a capitalised first word: "Ở …" names it a place.
  if (replaced) return `${replaced.startsWith(rest) && !ENGLISH.test(prevQ) ? `Ở ${replaced}` : replaced}?`;
  // An English question ("who chaired the meeting?") takes the place in English.
  return `${prevQ} ${ENGLISH.test(prevQ) && fold(prevQ) === prevQ ? 'in' : 'ở'} ${rest}?`;
}

/** An acknowledgement before a follow-up ("ok, còn Nghệ An?", "vâng, còn năm ngoái?"): set aside, as alone. */
const ACK_LEAD = /^(?:ok|oke|okay|dạ|vâng|ừ|cảm ơn(?: bot| bạn)?)(?:\s+ạ)?\s*[,.!]?\s+(?=\S)/iu;

/** Reads a message against the previous turn. */
export function readFollowUp(message: string, previous: TurnContext | null): FollowUp {
  const text = collapse(message).replace(ACK_LEAD, '');
  const plain: FollowUp = { question: message, interpreted: null, needsWho: false, articleIds: null };
  const done = (question: string, articleIds: string[] | null = null): FollowUp => {
    const q = collapse(question);
    return { question: q, interpreted: q, needsWho: false, articleIds };
  };

  // The answer to "who do you mean?": the waiting question with the pronoun replaced by it.
  if (previous?.pendingWho) {
    const who = text.replace(WHO_FILLERS, '').trim();
    if (who !== '' && !QUESTION_WORDS.test(who)) {
      const waiting = previous.pendingWho;
      return done(PRONOUN.test(waiting) ? waiting.replace(PRONOUN, who) : waiting.replace(PRONOUN_EN, who));
    }
  }

  const pronoun = PRONOUN.exec(text);
  const pronounEn = !pronoun && ENGLISH.test(text) && PRONOUN_EN.test(text);
  if (pronoun || pronounEn) {
    if (!previous?.person) return { ...plain, needsWho: true };
    const rewritten = pronoun ? text.replace(PRONOUN, `đồng chí ${previous.person}`) : text.replace(PRONOUN_EN, previous.person);
    return done(rewritten, previous.articleIds);
  }
  if (!previous) return plain;

  // "bên nào nhiều hơn?" after a comparison: the comparison again (both sides are shown).
  if (/(?<![\p{L}])(bên nào|nơi nào|ai)\s+(nhiều|ít|cao|thấp)\s+hơn/iu.test(text) && /^so sánh\s/iu.test(previous.question)) return done(previous.question);

  // "hội nghị đó", "bài đó", "trong đó": the same articles as the last answer, the same subject.
  if (THING.test(text) || WITHIN.test(text)) {
    const subject = previous.constraints.filter((c) => c.kind !== 'year' && !fold(text).includes(fold(c.label))).map((c) => c.label);
    const rewritten = subject.length > 0 ? `${strip(text)} (${subject.join(', ')})?` : text;
    return done(rewritten, previous.articleIds);
  }

  const lead = LEAD.exec(text);
  const saoOnly = SAO_ONLY.test(text);
  if (!lead && !saoOnly) return bareQuestion(text, previous) ?? plain;
  const rest = relativeYear(strip(text.slice(lead ? lead[0].length : 0).replace(TAIL, '')), previous);
  if (rest === '') return plain;
  // No year to count from (the chat named none): the last report's passage would come back as if it were
  // last year's; asked as typed, it is refused instead.
  if (RELATIVE_YEAR.test(rest)) return plain;
  // Read after a word: a one-syllable place is a place only when it is not the first word ("Huế").
  // After an English lead ("what about Hue?") the word has no marks either, so "Hue" may be Huế.
  const english = lead !== null && !/^(?:thế|vậy|còn|so|với)/iu.test(lead[0]);
  const read = findConstraints(analyzeQuery(`${english && fold(rest) === rest ? 'con' : 'còn'} ${rest}`));
  const found: Array<Pick<Constraint, 'kind' | 'label'>> = read.length > 0 ? read : bareFollowUpPlace(rest);
  const prevQ = strip(previous.question);

  // "còn năm 2021?", "còn Huế?": the new place or year takes the old one's place.
  if (found.length > 0 && rest.split(/\s+/).length <= found.reduce((n, c) => n + c.label.split(/\s+/).length, 0) + 3) {
    let q = prevQ;
    for (const c of found) {
      const same = previous.constraints.filter((p) => p.kind === c.kind);
      const old = same.length > 0 ? same : previous.constraints.filter((p) => (p.kind === 'year') === (c.kind === 'year'));
      const newText = c.kind === 'year' ? c.label : c.label;
      let replaced: string | null = null;
      if (old.length > 1 && c.kind !== 'year') {
        // "So sánh … của Huế và Nghệ An" → "… của Hải Phòng".
        const re = new RegExp(`${escapeRe(old[0]!.label)}.*${escapeRe(old[old.length - 1]!.label)}`, 'u');
        if (re.test(q)) replaced = q.replace(re, newText).replace(/^so sánh\s+/iu, '');
      } else if (old.length === 1) {
        replaced = replaceLabel(q, old[0]!.label, newText);
      }
      q = replaced ?? `${q} ${c.kind === 'year' ? `năm ${c.label}` : `ở ${c.label}`}`;
    }
    return done(`${strip(q)}?`);
  }

  // "còn Đồng Văn?": a capitalised name nothing above read (a district the gazetteer lacks) is a place too.
  const unknown = unknownPlace(rest, prevQ, previous);
  if (unknown) return done(unknown);

  // A clause of its own ("còn kỷ luật bao nhiêu đảng viên?"): keep the previous subject.
  if (QUESTION_WORDS.test(rest)) {
    const subject = previous.constraints.filter((c) => !fold(rest).includes(fold(c.label))).map((c) => (c.kind === 'year' ? `năm ${c.label}` : c.label));
    return done(subject.length > 0 ? `${rest} (${subject.join(', ')})?` : `${rest}?`);
  }

  // "thế còn đảng viên?", "còn số chi bộ?", "còn tỷ lệ đảng viên …": another measure, same subject.
  const measure = rest.replace(/^(?:số|số lượng)\s+/iu, '');
  if (previous.measure) {
    const re = new RegExp(`((?:bao nhiêu|bao nhieu|mấy)\\s+)${escapeRe(previous.measure)}`, 'iu');
    if (re.test(prevQ)) return done(`${prevQ.replace(re, `$1${measure}`)}?`);
  }
  const span = /(?<![\p{L}])(số|tỷ lệ|tỉ lệ)\s+.+?(?=\s+(?:của|ở|tại|năm)\s)/iu.exec(prevQ);
  if (span) {
    const head = /^(?:tỷ lệ|tỉ lệ)\s/iu.test(rest) ? '' : `${span[1]} `;
    return done(`${prevQ.replace(span[0], `${head}${measure}`)}?`);
  }
  const subject = previous.constraints.map((c) => (c.kind === 'year' ? `năm ${c.label}` : c.label));
  return done(`${rest} ${subject.join(' ')}?`);
}
