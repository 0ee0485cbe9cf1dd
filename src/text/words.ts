/**
 * Word lists, as data: every list of Vietnamese (and English) words a rule needs lives here, so a
 * newcomer edits a table, not a function. Each list says what it is for and how it was chosen.
 */

/**
 * Function syllables that carry no topic: question words and grammatical glue. Kept short on purpose:
 * BM25's IDF already discounts common words, and negations like "không" or "chưa" change meaning
 * ("không hoàn thành nhiệm vụ"), so they stay searchable.
 */
export const STOP_SYLLABLES: readonly string[] = [
  'ai', 'gì', 'nào', 'sao', 'bao', 'nhiêu', 'mấy', 'đâu', 'hả', 'nhỉ', 'vậy', 'thế',
  'là', 'của', 'và', 'các', 'những', 'có', 'được', 'trong', 'cho', 'với', 'về', 'theo', 'tại',
  'này', 'đó', 'kia', 'thì', 'mà', 'để', 'từ', 'đã', 'đang', 'sẽ', 'một', 'như', 'hay', 'hoặc',
  'cũng', 'rất', 'bị', 'ra', 'vào', 'ở', 'khi', 'nếu', 'vì', 'do', 'nên', 'lại', 'còn', 'hơn',
  'ông', 'bà', 'anh', 'chị', 'hãy', 'xin', 'biết', 'nói', 'ạ',
];

/** English question and glue words, for questions asked in English. */
export const STOP_WORDS_EN: readonly string[] = [
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'and', 'or', 'is', 'are', 'was', 'were',
  'be', 'been', 'what', 'who', 'whom', 'which', 'when', 'where', 'why', 'how', 'many', 'much', 'does',
  'do', 'did', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'with', 'as', 'from', 'about',
];

/**
 * Without diacritics many glue syllables collide with content ones (đang/đảng -> "dang", có/cơ -> "co",
 * bị/bí -> "bi", trong/trọng -> "trong"), so the folded list keeps only forms with no such twin.
 */
export const STOP_FOLDED_SYLLABLES: readonly string[] = [
  'ai', 'gi', 'bao', 'nhieu', 'la', 'cua', 'va', 'cac', 'nhung', 'duoc', 'voi', 'theo', 'nay', 'se', 'mot',
  'nhu', 'hoac', 'rat', 'khi', 'hon', 'hay', 'xin', 'biet', 'vay', 'the', 'nhi',
];

/**
 * Abbreviations that end with a period inside a sentence ("TP. Hồ Chí Minh", "PGS. TS. Nguyễn …"),
 * lower case. A lone capital letter (an initial) is handled by the sentence splitter itself.
 */
export const SENTENCE_ABBREVIATIONS: readonly string[] = [
  'tp', 'tt', 'tx', 'q', 'p', 'h', 'th', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'ls', 'th.s', 'nxb', 'st',
  'mr', 'mrs', 'dr', 'vs', 'etc', 'v.v', 'tr', 'no',
];
