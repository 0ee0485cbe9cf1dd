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

/**
 * English question and glue words, for questions asked in English. Words that are also Vietnamese
 * syllables are left out: "an" (Nghệ An, an ninh), "to", "in", "on", "at", "be", "the", "do".
 */
export const STOP_WORDS_EN: readonly string[] = [
  'a', 'of', 'for', 'by', 'and', 'or', 'is', 'are', 'was', 'were',
  'been', 'what', 'who', 'whom', 'which', 'when', 'where', 'why', 'how', 'many', 'much', 'does',
  'did', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'with', 'as', 'from', 'about',
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

/**
 * Chat language around a question: greetings, vocatives, requests to ask and closing particles. They
 * are set aside at the edges of a question (never inside it) and never count towards confidence.
 * Written with diacritics; a token typed without marks matches them folded.
 */
export const CHAT_OPENERS: readonly string[] = [
  'xin chào', 'chào bot', 'chào bạn', 'chào ad', 'chào admin', 'chào em', 'chào anh', 'chào chị', 'hello', 'hi', 'alo', 'chào',
  'bot ơi', 'ad ơi', 'admin ơi', 'bạn ơi', 'em ơi', 'anh ơi', 'chị ơi',
  'cho em hỏi', 'cho mình hỏi', 'cho tôi hỏi', 'cho tui hỏi', 'cho tớ hỏi', 'cho cháu hỏi', 'cho hỏi', 'xin hỏi', 'xin cho hỏi',
  'em muốn hỏi', 'mình muốn hỏi', 'tôi muốn hỏi', 'em cần hỏi', 'mình cần hỏi', 'hỏi chút', 'hỏi xíu',
  'câu hỏi', 'hỏi', 'vui lòng cho biết', 'làm ơn cho biết', 'bạn có biết', 'bot có biết', 'cho biết', 'vui lòng', 'làm ơn',
];
/** What may follow an opener ("cho em hỏi chút là …", "bot ơi, cho mình hỏi với"): set aside only right after one. */
export const CHAT_OPENER_TAILS: readonly string[] = ['chút', 'xíu', 'với', 'nha', 'nhé', 'ạ', 'là', 'ơi', 'bot', 'ad'];
export const CHAT_CLOSERS: readonly string[] = [
  'ạ', 'ạ nhé', 'nhé', 'nhỉ', 'vậy', 'vậy ạ', 'vậy bot', 'thế', 'thế ạ', 'với', 'với ạ', 'hả', 'hở', 'không ạ',
  'cảm ơn', 'cảm ơn nhiều', 'cảm ơn bot', 'cảm ơn bạn', 'cảm ơn ad', 'xin cảm ơn', 'cám ơn', 'thanks', 'thank you', 'bot', 'ad', 'admin', 'ơi',
  // An acknowledgement after an answer ("ok", "vâng ạ"): nothing to search.
  'ok', 'oke', 'okay', 'vâng', 'dạ',
];
/**
 * Words a leading clause made only of chat consists of ("chào bot, em là phóng viên báo X,"): such a
 * clause, ended by a comma, is set aside whole.
 */
export const CHAT_CLAUSE_WORDS: readonly string[] = [
  'xin', 'chào', 'bot', 'ad', 'admin', 'ơi', 'em', 'mình', 'tôi', 'tớ', 'tui', 'anh', 'chị', 'bạn', 'là', 'phóng', 'viên', 'nhà', 'báo',
  'cảm', 'ơn', 'nhiều', 'hi', 'hello', 'ạ', 'nhé', 'hỏi', 'muốn', 'cho', 'chút', 'với', 'đang', 'cần', 'tìm', 'hiểu', 'thông', 'tin',
  'làm', 'việc', 'tại', 'của', 'một', 'số', 'câu', 'sinh',
];

/**
 * Administrative abbreviations of Vietnamese government news, both ways: each group lists the forms
 * one name takes (the first is the full name). A question's form is rewritten to the one the corpus
 * uses most; pairs the corpus itself spells out ("Hội đồng nhân dân (HĐND)") are learned at query time.
 */
export const ABBREVIATION_GROUPS: readonly (readonly string[])[] = [
  ['thành phố hồ chí minh', 'tphcm', 'tp hcm', 'tp.hcm', 'tp. hcm', 'hcm', 'tp hồ chí minh', 'tp. hồ chí minh', 'sài gòn'],
  ['thừa thiên huế', 'tt huế', 'tt-huế'],
  ['ủy ban nhân dân', 'ubnd'],
  ['hội đồng nhân dân', 'hđnd'],
  ['mặt trận tổ quốc', 'mttq'],
  ['ban chấp hành', 'bch'],
  ['ban thường vụ', 'btv'],
  ['ủy viên ban thường vụ', 'uvbtv', 'uvtv'],
  ['tổ chức cơ sở đảng', 'tccsđ'],
  ['tổ chức cơ sở', 'tccs'],
  ['đại biểu quốc hội', 'đbqh'],
  ['cải cách hành chính', 'cchc'],
  ['kinh tế - xã hội', 'kt-xh', 'ktxh', 'kinh tế xã hội'],
  ['quốc phòng - an ninh', 'qp-an', 'qpan', 'quốc phòng an ninh'],
  ['đồng chí', 'đ/c'],
  ['trung ương', 'tw'],
  ['ban chỉ đạo', 'bcđ'],
  ['ủy ban kiểm tra', 'ubkt'],
  ['công nghệ thông tin', 'cntt'],
  ['xã hội chủ nghĩa', 'xhcn'],
  ['đảng cộng sản việt nam', 'đcsvn'],
  ['chủ nghĩa xã hội', 'cnxh'],
  ['hội liên hiệp phụ nữ', 'hlhpn'],
  ['đoàn thanh niên cộng sản hồ chí minh', 'đoàn tncs hồ chí minh', 'đtncs hcm'],
  ['nghị quyết', 'nq'],
  ['thành phố', 'tp'],
  ['thị xã', 'tx'],
];

/**
 * Chat shorthand ("ko", "dc", "bn", "ntn"), read like the abbreviations above: the corpus writes the
 * full word, so the question is read with it.
 */
export const CHAT_SHORTHANDS: readonly (readonly string[])[] = [
  ['không', 'ko', 'hok', 'k0'],
  ['được', 'dc', 'đc'],
  ['với', 'vs'],
  ['cũng', 'cx'],
  ['bao nhiêu', 'bn'],
  ['như thế nào', 'ntn'],
  ['bác sĩ', 'bs'],
  ['bệnh viện', 'bv'],
  ['xét nghiệm', 'xn'],
  ['mọi người', 'mn'],
  ['trả lời', 'tl'],
];

/**
 * Words of titles and bodies that reports capitalise ("Ban Thường vụ Tỉnh ủy", "Sở Y tế"): a run of
 * capitalised words made only of these is an office, not a person's or place's name.
 */
export const INSTITUTION_WORDS: readonly string[] = [
  'ban', 'thường', 'vụ', 'chấp', 'hành', 'tỉnh', 'thành', 'ủy', 'ủy ban', 'đảng', 'bộ', 'khối', 'cơ', 'quan', 'hội', 'đồng', 'nhân', 'dân',
  'chủ', 'tịch', 'phó', 'bí', 'thư', 'viên', 'trung', 'ương', 'quốc', 'mặt', 'trận', 'tổ', 'sở', 'y', 'tế', 'nghị', 'đại', 'biểu',
  'chính', 'phủ', 'thủ', 'tướng', 'văn', 'phòng', 'kiểm', 'tra', 'tuyên', 'giáo', 'dân', 'vận', 'công', 'an', 'quân', 'sự', 'liên',
  'đoàn', 'lao', 'động', 'phụ', 'nữ', 'thanh', 'niên', 'cựu', 'chiến', 'binh', 'nông', 'trưởng', 'giám', 'đốc', 'huân', 'chương',
  'hạng', 'nhất', 'nhì', 'ba', 'bằng', 'khen', 'giấy', 'chi', 'cấp', 'huyện', 'xã', 'phường', 'quận', 'thị', 'trấn', 'khóa', 'kỳ',
  'nhiệm', 'tổng', 'học', 'viện', 'trường', 'bệnh', 'cục', 'câu', 'hỏi',
  // The same offices in an English question ("the Hai Phong Party Committee", "People's Council").
  'party', 'committee', 'committees', 'secretary', 'council', 'people', 'peoples', 'chairman', 'chairwoman', 'chair', 'chairperson',
  'vice', 'deputy', 'standing', 'executive', 'permanent', 'board', 'city', 'province', 'provincial', 'municipal', 'bloc', 'agencies',
  'central', 'national', 'assembly', 'fatherland', 'front', 'union', 'youth', 'women', 'member', 'members', 'conference', 'congress',
  'resolution', 'inspection', 'commission', 'department', 'office', 'government', 'ministry', 'minister', 'prime', 'general',
  'politburo', 'organisation', 'organization', 'propaganda', 'education', 'mobilisation', 'mobilization', 'mass', 'delegation',
  'director', 'head', 'medal', 'labour', 'labor', 'order', 'class', 'first', 'second', 'third', 'term',
];

/**
 * An English question about the reports, read as the Vietnamese words they would use (keyword search
 * cannot match English to Vietnamese; a multilingual model can, and reads the question as typed too).
 * English phrase (lower case) -> Vietnamese words, in the order a report writes them ("city agencies
 * bloc" -> "khối các cơ quan thành phố"). Longer phrases are tried first; a word not listed is kept as
 * typed (names, places, numbers), and ENGLISH_GLUE is dropped.
 */
export const ENGLISH_GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  // Question words: the answer types the search knows.
  ['how many', 'bao nhiêu'], ['how much', 'bao nhiêu'], ['what percentage', 'bao nhiêu phần trăm'], ['what percent', 'bao nhiêu phần trăm'],
  ['who', 'ai'], ['whom', 'ai'], ['when', 'khi nào'], ['what date', 'ngày nào'], ['which day', 'ngày nào'], ['what day', 'ngày nào'],
  ['where', 'ở đâu'], ['why', 'vì sao'], ['what', 'gì'], ['which', 'nào'],
  // Bodies and offices.
  ['city agencies bloc', 'khối các cơ quan thành phố'], ['provincial agencies bloc', 'khối các cơ quan tỉnh'],
  ['agencies bloc', 'khối các cơ quan'], ['bloc of agencies', 'khối các cơ quan'], ['agencies', 'các cơ quan'], ['bloc', 'khối'],
  ['city party committee', 'thành ủy'], ['municipal party committee', 'thành ủy'], ['provincial party committee', 'tỉnh ủy'],
  ['party committee', 'đảng ủy'], ['party organisation', 'đảng bộ'], ['party organization', 'đảng bộ'], ['party organisations', 'tổ chức đảng'],
  ['party organizations', 'tổ chức đảng'], ['grassroots party organisations', 'tổ chức cơ sở đảng'], ['grassroots party organizations', 'tổ chức cơ sở đảng'],
  ['party members', 'đảng viên'], ['party member', 'đảng viên'], ['new party members', 'đảng viên mới'], ['party cells', 'chi bộ'], ['party cell', 'chi bộ'],
  ['party', 'đảng'], ['executive committee', 'ban chấp hành'], ['standing committee', 'ban thường vụ'], ['standing board', 'ban thường vụ'],
  ["people's committee", 'ủy ban nhân dân'], ['peoples committee', 'ủy ban nhân dân'], ["people's council", 'hội đồng nhân dân'], ['peoples council', 'hội đồng nhân dân'],
  ['fatherland front', 'mặt trận tổ quốc'], ['national assembly', 'quốc hội'], ['central committee', 'trung ương đảng'],
  ['inspection commission', 'ủy ban kiểm tra'], ['standing deputy secretary', 'phó bí thư thường trực'], ['permanent deputy secretary', 'phó bí thư thường trực'],
  ['deputy secretary', 'phó bí thư'], ['secretary', 'bí thư'], ['vice chairman', 'phó chủ tịch'], ['vice chairwoman', 'phó chủ tịch'], ['vice chair', 'phó chủ tịch'],
  ['deputy chairman', 'phó chủ tịch'], ['chairman', 'chủ tịch'], ['chairwoman', 'chủ tịch'], ['chairperson', 'chủ tịch'], ['chair', 'chủ tịch'],
  ['head', 'trưởng'], ['delegation', 'đoàn'], ['deputies', 'đại biểu'], ['delegates', 'đại biểu'], ['committee', 'ủy ban'], ['council', 'hội đồng'],
  ['city', 'thành phố'], ['province', 'tỉnh'], ['provincial', 'tỉnh'], ['district', 'huyện'], ['commune', 'xã'], ['ward', 'phường'],
  // Meetings and what they decide.
  ['conference', 'hội nghị'], ['meeting', 'hội nghị'], ['working session', 'làm việc'], ['congress', 'đại hội'], ['resolution', 'nghị quyết'],
  ['targets', 'chỉ tiêu'], ['target', 'chỉ tiêu'], ['tasks', 'nhiệm vụ'], ['task', 'nhiệm vụ'], ['term', 'nhiệm kỳ'], ['tenure', 'nhiệm kỳ'],
  ['attended', 'dự'], ['attend', 'dự'], ['hold', 'tổ chức'], ['holds', 'tổ chức'], ['chaired', 'chủ trì'], ['chaired by', 'chủ trì'], ['presided', 'chủ trì'], ['held', 'tổ chức'], ['organised', 'tổ chức'], ['organized', 'tổ chức'],
  ['admitted', 'kết nạp'], ['admit', 'kết nạp'], ['recruited', 'kết nạp'], ['completed', 'hoàn thành'], ['complete', 'hoàn thành'], ['fulfilled', 'hoàn thành'],
  ['excellently', 'xuất sắc'], ['excellent', 'xuất sắc'], ['achieved', 'đạt'], ['achieve', 'đạt'], ['reached', 'đạt'], ['exceeded', 'vượt'],
  ['requested', 'yêu cầu'], ['request', 'yêu cầu'], ['asked', 'yêu cầu'], ['ask', 'yêu cầu'], ['said', 'phát biểu'], ['say', 'phát biểu'], ['spoke', 'phát biểu'],
  ['directed', 'chỉ đạo'], ['direct', 'chỉ đạo'], ['praised', 'biểu dương'], ['emulation', 'thi đua'], ['awarded', 'trao'], ['award', 'trao'],
  ['certificate of merit', 'bằng khen'], ['certificates of merit', 'bằng khen'], ['medal', 'huân chương'], ['inspection', 'kiểm tra'], ['supervision', 'giám sát'],
  ['discipline', 'kỷ luật'], ['propaganda', 'tuyên truyền'], ['mass mobilisation', 'dân vận'], ['mass mobilization', 'dân vận'],
  ['socio-economic', 'kinh tế - xã hội'], ['economy', 'kinh tế'], ['economic', 'kinh tế'], ['growth', 'tăng trưởng'], ['pandemic', 'dịch bệnh'],
  ['year', 'năm'], ['years', 'năm'], ['months', 'tháng'], ['month', 'tháng'], ['percent', 'phần trăm'],
  ['leaders', 'lãnh đạo'], ['leader', 'lãnh đạo'], ['leadership', 'lãnh đạo'], ['officials', 'cán bộ'], ['cadres', 'cán bộ'], ['officers', 'cán bộ'],
];

/** English words a question about the reports is built with, dropped once its glossary words are read (articles, auxiliaries, prepositions). */
export const ENGLISH_GLUE: readonly string[] = [
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'from', 'with', 'about', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been',
  'do', 'does', 'did', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'there', 'their', 'they', 'please', 'tell', 'me', 'us', 'can', 'you',
  'many', 'much', 'new', 'during', 'since', 'so', 'far',
];

/** Words naming a meeting, which is held on a day ("hội nghị", "kỳ họp"): its "khi nào" asks for the day. */
export const MEETING_WORDS: readonly string[] = ['hội nghị', 'đại hội', 'kỳ họp', 'cuộc họp', 'phiên họp', 'buổi làm việc', 'cuộc làm việc', 'hội thảo', 'lễ'];

/** Question phrases made of function words: what a repaired "bao nhiu" or "la gi" should read as. */
export const QUESTION_PHRASES: readonly string[] = [
  'bao nhiêu', 'như thế', 'thế nào', 'là gì', 'là ai', 'làm gì', 'ở đâu', 'khi nào', 'vì sao', 'tại sao', 'bao giờ', 'mấy giờ', 'những gì', 'cái gì',
];

/**
 * Counts written as words ("bốn quốc gia", "năm hoàng tử"). They count only right before the counted
 * unit: "một số", "năm 2020" are not counts.
 */
export const NUMBER_WORDS: readonly string[] = ['một', 'hai', 'ba', 'bốn', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'chục', 'hàng'];
/** Words of magnitude between a number and what it counts ("1,5 tỷ tấn", "10 triệu dân"). */
export const MAGNITUDE_WORDS: readonly string[] = ['trăm', 'nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ', 'chục'];
/** Kinds of official documents, whose numbers and dates name the document ("Nghị quyết 54 năm 2019"). */
export const DOCUMENT_NAMES: readonly string[] = [
  'chỉ thị', 'nghị quyết', 'kết luận', 'quyết định', 'nghị định', 'thông tư', 'quy định', 'công văn', 'luật',
];

/**
 * Words after which a number names a document, a session or an article ("Chỉ thị 05", "Nghị quyết TW
 * 4", "khóa XII", "lần thứ 9"), not a count.
 */
export const DOCUMENT_NUMBER_WORDS: readonly string[] = [
  ...DOCUMENT_NAMES, 'tw', 'trung ương', 'khóa', 'khoá', 'đại hội', 'lần thứ', 'thứ', 'điều', 'khoản', 'chương', 'mục',
];

/**
 * Offices a "who" question asks for ("Bí thư Tỉnh ủy … là ai?"). A passage that names the office only
 * with "Phó" before it names the deputy, not the holder.
 */
export const OFFICE_TITLES: readonly string[] = [
  'bí thư', 'chủ tịch', 'giám đốc', 'tổng giám đốc', 'thủ tướng', 'bộ trưởng', 'trưởng ban', 'trưởng đoàn', 'chánh văn phòng',
  'hiệu trưởng', 'viện trưởng', 'chánh án', 'tổng thống', 'thị trưởng', 'trưởng phòng', 'tổng biên tập', 'chủ nhiệm', 'tư lệnh',
];

/**
 * What reports do to part of a membership, each counted apart ("kết nạp 152 đảng viên", "kỷ luật 4 đảng
 * viên"). A count right after one of these is that part, not the whole ("có bao nhiêu đảng viên?"); a
 * question asking for one of them is answered only where the report says it.
 */
export const COUNTED_ACTIONS: readonly string[] = [
  'kết nạp', 'kỷ luật', 'thi hành kỷ luật', 'kiểm tra', 'giám sát', 'khen thưởng', 'biểu dương', 'xử lý', 'đình chỉ', 'định chỉ' /* a slip reports print */, 'khai trừ',
  'cảnh cáo', 'khiển trách', 'xét kết nạp', 'tặng giấy khen', 'tặng bằng khen', 'trao giấy khen', 'trao bằng khen',
];
/**
 * What a speaker does in a report before what they said ("đồng chí X yêu cầu …", "Hội nghị thống nhất
 * …"): asked as "yêu cầu gì?", the verb is in the answering sentence, unlike a noun asked for ("điều gì").
 */
export const REPORTING_VERBS: readonly string[] = [
  'yêu cầu', 'đề nghị', 'chỉ đạo', 'nhấn mạnh', 'lưu ý', 'kiến nghị', 'đề xuất', 'phát biểu', 'kết luận', 'quán triệt',
  'thống nhất', 'quyết định', 'giao', 'đặt ra', 'đề ra', 'nói', 'cho biết', 'khẳng định', 'đánh giá', 'chia sẻ', 'thông báo',
];
/** Words between a counting question's verb and "bao nhiêu" ("kết nạp được bao nhiêu"). */
export const COUNT_LINKS: readonly string[] = ['được', 'đã', 'thêm', 'tất', 'cả', 'cộng'];
/** Before "bao nhiêu", the question asks for a whole ("có bao nhiêu", "gồm bao nhiêu", "tổng cộng bao nhiêu"). */
export const COUNT_WHOLE_WORDS: readonly string[] = ['có', 'gồm', 'tổng', 'số'];

/**
 * Party blocs ("Đảng bộ Khối …") a question may name: each is its own committee, so one bloc's figures
 * never answer for another ("Khối Doanh nghiệp" is not "Khối các cơ quan"). Each entry: one bloc's forms.
 */
export const PARTY_BLOCS: readonly (readonly string[])[] = [
  ['Khối các cơ quan', 'Khối cơ quan'],
  ['Khối Doanh nghiệp'],
];

/**
 * Classes of an award or a prize ("Huân chương Lao động hạng Nhất", "giải Ba"): a question asking for
 * one is answered only by a passage naming that class, never by another one the report gives.
 */
export const CLASS_WORDS: readonly string[] = ['hạng', 'giải'];
export const CLASS_RANKS: readonly string[] = ['nhất', 'nhì', 'ba', 'tư', 'đặc biệt'];

/**
 * Family names that start a question as the start of a person's name ("Nguyễn Văn An phát biểu gì?"),
 * not as a capitalised first word: the common ones that are no everyday word or place (not "Văn",
 * "Hà", "Cao", "Mai", "Lâm").
 */
export const FAMILY_NAMES: readonly string[] = [
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'ngô', 'dương', 'lý', 'đinh', 'trịnh',
  'trương', 'lương',
];
/** Family names that are also everyday words or places ("Văn", "Hà", "Mai"): a name's start only after a capital run starts. */
export const OTHER_FAMILY_NAMES: readonly string[] = [
  'hồ', 'cao', 'mai', 'hà', 'lâm', 'đào', 'tô', 'châu', 'thái', 'tạ', 'lưu', 'chu', 'kiều', 'quách', 'triệu', 'đoàn', 'nông', 'văn',
  'la', 'khúc', 'tăng', 'thân',
];
