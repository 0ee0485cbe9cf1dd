/**
 * Whose figure a quote gives. "Hải Phòng có bao nhiêu đảng viên?" answered by "Đảng bộ Khối các cơ quan
 * thành phố có … 4.466 đảng viên" would pass a bloc's count off as the city's, the way another province's
 * figure would, were it not said. The quote is the reports' best answer and names its body, so it stays
 * the answer; the reply says before it whose figure it is and that the reports give none for the place.
 */
import { foldedLine, holdsAny, type AnalyzedQuery } from '../search/analyse.js';
import type { Constraint } from '../search/entities.js';
import { mergedInto, placesIn, provinceOf } from '../text/gazetteer.js';
import { fold } from '../text/normalise.js';

const NAME = String.raw`\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*`;
const LEVEL = String.raw`(?:tỉnh|thành phố|TP\.?)`;
/**
 * A body inside a province or city, as a report names it: a Party bloc ("Đảng bộ Khối các cơ quan thành
 * phố", "Khối Doanh nghiệp tỉnh Nghệ An"), a district or commune ("huyện Cẩm Xuyên", "Đảng bộ xã …"), the
 * police or the military of the province. A bare "khối" is a word ("khối lượng"): only after "Đảng bộ",
 * "Đảng ủy" or before "cơ quan" / "doanh nghiệp" is it a bloc.
 */
const NARROWER_BODY = new RegExp(
  [
    String.raw`(?:Đảng bộ|Đảng ủy|Đảng uỷ)\s+Khối(?:\s+(?:[Cc]ác\s+)?(?:[Cc]ơ quan|[Dd]oanh nghiệp))?(?:\s+${LEVEL}(?:\s+${NAME})?)?`,
    String.raw`[Kk]hối\s+(?:[Cc]ác\s+)?(?:[Cc]ơ quan|[Dd]oanh nghiệp)(?:\s+${LEVEL}(?:\s+${NAME})?)?`,
    String.raw`(?:(?:Đảng bộ|Đảng ủy|Đảng uỷ)\s+)?(?:huyện|quận|thị xã|xã|phường|thị trấn)\s+${NAME}`,
    String.raw`(?:Công an|Bộ Chỉ huy Quân sự|Bộ đội Biên phòng)\s+${LEVEL}(?:\s+${NAME})?`,
  ]
    .map((p) => `(?<!\\p{L})${p}`)
    .join('|'),
  'gu',
);
/**
 * Any unit below a province or city, or body inside it, named in passing ("Đảng bộ huyện Cẩm Xuyên", "xã …",
 * "Khối …", "Công an tỉnh …"): wider than NARROWER_BODY, since a newer report merely mentioning one is
 * not taken for the place's newer figure (compose.ts, newestFirst).
 */
const UNIT_INSIDE = /(?<![\p{L}])(?:(?:huyện|quận|thị xã|xã|phường|thị trấn|chi bộ)\s+\p{Lu}|[Kk]hối\s+\p{L}|(?:Công an|Quân sự|Biên phòng)\s+(?:tỉnh|thành phố|TP))/u;

/** Does `text` name a unit below a province or city, or a body inside it (UNIT_INSIDE)? */
export function namesUnitInside(text: string): boolean {
  return UNIT_INSIDE.test(text);
}

/** A city named in full, with its Party organisation or not ("Đảng bộ thành phố Đông Hà", "TP Vinh"). */
const CITY_BODY = new RegExp(String.raw`(?<!\p{L})(?:(?:Đảng bộ|Đảng ủy|Đảng uỷ)\s+)?(?:[Tt]hành phố|TP\.?)\s+${NAME}`, 'gu');

/**
 * The cities of the gazetteer inside province `place` that `quote` names in full ("thành phố Đông Hà" for
 * Quảng Trị): a city's figure is part of its province's, not the whole. Cut after the city's name.
 */
function citiesInside(quote: string, place: string): Array<{ index: number; 0: string; span: string }> {
  return [...quote.matchAll(CITY_BODY)].flatMap((m) => {
    const city = placesIn(m[0]).find((p) => provinceOf(p) === place);
    if (city === undefined) return [];
    const end = m[0].indexOf(city);
    const body = end < 0 ? m[0] : m[0].slice(0, end + city.length);
    // "thành phố Vinh, tỉnh Nghệ An", "thành phố Đông Hà (tỉnh Quảng Trị)": the province named only to locate the city.
    const after = quote.slice(m.index! + body.length);
    const locator = CITY_LOCATOR.exec(after);
    const span = locator && placesIn(locator[0]).includes(place) ? body + locator[0] : body;
    return [{ index: m.index!, 0: body, span }];
  });
}

/** The province right after a city, in brackets or after a comma: ", tỉnh Nghệ An", " (tỉnh Quảng Trị)". */
const CITY_LOCATOR = new RegExp(String.raw`^(?:\s*\(\s*(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+${NAME}\s*\)|\s*[,–-]\s*(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+${NAME})`, 'u');

/** A province named in full, with its Party organisation or not ("Đảng bộ tỉnh Bình Định", "tỉnh Hải Dương"). */
const PROVINCE_BODY = new RegExp(String.raw`(?<!\p{L})(?:(?:Đảng bộ|Đảng ủy|Đảng uỷ)\s+)?(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+${NAME}`, 'gu');

/** The quote also speaks of the place as a whole ("toàn tỉnh", "Đảng bộ tỉnh có …"): its figure may be the place's. */
const WHOLE_PLACE = /(?<!\p{L})(?:[Tt]oàn\s+(?:tỉnh|thành phố|Đảng bộ)|(?:Đảng bộ|Đảng ủy|Đảng uỷ)\s+(?:tỉnh|thành phố)(?!\s+\p{Lu})|(?:[Tt]ỉnh|[Tt]hành phố)\s+(?:có|đã|đạt|hiện có))(?!\p{L})/u;
/**
 * Words of a question asking about a body inside the place itself (folded: typed with or without marks),
 * whose figure a bloc's or a district's quote may well be: no note then.
 */
const NARROWER_ASKED = ['khoi', 'uy ban', 'ban', 'huyen', 'quan', 'xa', 'phuong', 'thi tran', 'thi xa', 'chi bo', 'bo phan', 'co so', 'cong an', 'quan su', 'bien phong'];

/** The place a count question asks about as a whole ("Hải Phòng có bao nhiêu đảng viên?"), or null. */
export function wholePlaceAsked(q: AnalyzedQuery, constraints: readonly Constraint[]): string | null {
  if (q.answerType !== 'count' || constraints.some((c) => c.kind === 'body')) return null;
  const places = constraints.filter((c) => c.kind === 'place');
  if (places.length !== 1) return null;
  // The unit counted is no body asked about ("có bao nhiêu chi bộ").
  const line = foldedLine(q.tokens);
  const words = q.countUnit ? line.replace(` ${q.countUnit.map((w) => fold(w)).join(' ')} `, ' ') : line;
  return holdsAny(words, NARROWER_ASKED) ? null : places[0]!.label;
}

/**
 * The body inside `place` whose figure `quote` gives ("Đảng bộ Khối các cơ quan thành phố (Hải Phòng)"),
 * or null when the quote names no such body, or also speaks of the place itself. `answerAt`: where the
 * figure starts in the quote.
 */
export function narrowerBody(quote: string, place: string, answerAt = Number.POSITIVE_INFINITY): string | null {
  const units = [...quote.matchAll(NARROWER_BODY)].map((m) => ({ index: m.index!, 0: m[0] }));
  const cities = citiesInside(quote, place).filter((c) => !units.some((u) => c.index >= u.index && c.index < u.index + u[0].length));
  const bodies = [...units, ...cities].sort((a, b) => a.index - b.index);
  if (bodies.length === 0) return null;
  let rest = quote.replace(NARROWER_BODY, ' ');
  for (const c of cities) rest = rest.replace(c.span, ' ');
  if (WHOLE_PLACE.test(rest) || placesIn(rest).includes(place)) return null;
  // The body named last before the figure is the one it counts ("Bí thư Đảng ủy Khối …, cho biết, Đảng bộ Khối … có 4.466 đảng viên").
  const before = bodies.filter((m) => m.index! < answerAt);
  // The figure comes before any body is named ("Đảng bộ kết nạp 2.150 đảng viên, trong đó Đảng bộ Khối …
  // kết nạp 120"): it is the subject's own, the body's figure comes after it.
  if (before.length === 0 && Number.isFinite(answerAt)) return null;
  const body = (before.length > 0 ? before[before.length - 1]! : bodies[0]!)[0].trim();
  return fold(body).includes(fold(place)) ? body : `${body} (${place})`;
}

/**
 * The former province (or a city of it), merged into `place` in 2025, whose figure `quote` gives ("Trước khi
 * hợp nhất, Đảng bộ tỉnh Bình Định có 78.500 đảng viên" asked of Gia Lai), or null when it names none, or also speaks of the
 * place itself ("Sau khi hợp nhất với tỉnh Thái Bình, toàn Đảng bộ tỉnh có …" is Hưng Yên's). Its figure is
 * part of the place's since July 2025, and another province's before: never the place's. `answerAt` as in
 * narrowerBody.
 */
export function formerProvinceBody(quote: string, place: string, answerAt = Number.POSITIVE_INFINITY): string | null {
  const bodies = [...quote.matchAll(PROVINCE_BODY)].flatMap((m) => {
    // The province itself, or one of its cities ("thành phố Quy Nhơn" asked of Gia Lai).
    const former = placesIn(m[0]).find((p) => mergedInto(p) === place || mergedInto(provinceOf(p) ?? '') === place);
    if (former === undefined) return [];
    const end = m[0].indexOf(former);
    return [{ index: m.index!, text: end < 0 ? m[0] : m[0].slice(0, end + former.length) }];
  });
  if (bodies.length === 0) return null;
  let rest = quote;
  for (const b of bodies) rest = rest.replace(b.text, ' ');
  if (WHOLE_PLACE.test(rest) || placesIn(rest).includes(place)) return null;
  const before = bodies.filter((b) => b.index < answerAt);
  if (before.length === 0 && Number.isFinite(answerAt)) return null;
  return (before.length > 0 ? before[before.length - 1]! : bodies[0]!).text.trim();
}
