/**
 * What the program tells its operator (index problems, search-mode reasons, build and start lines), as
 * codes with parameters and their texts in Vietnamese and English. Low layers throw or report a code
 * and its parameters (`OperatorNote`); the edge (a script's stderr, /status, the log) renders it in the
 * reader's language. The English texts are also the errors' `message`, so logs and English tests read
 * the same words as before.
 *
 *   throw new IndexLoadError(note('indexMissing', { dir, command }));
 *   operatorText(err.note, operatorLang());   // "Chưa có chỉ mục trong … Hãy xây dựng bằng: …"
 */

export type OperatorLang = 'vi' | 'en';

/** The operator's language from the locale variables (the first one set wins, as in POSIX). */
export function operatorLang(env: NodeJS.ProcessEnv = process.env): OperatorLang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

type Params = Record<string, string | number>;
type Render = (p: Params) => string;

/** The way to rebuild, after a damaged-index text. */
const REBUILD: Record<OperatorLang, (p: Params) => string> = {
  vi: (p) => ` Hãy xây dựng lại bằng: ${p.command}`,
  en: (p) => ` Rebuild with: ${p.command}`,
};

/** Our own short details inside a text ("checksum mismatch"); anything else (a library's message) stays as it came. */
const DETAILS_VI: Record<string, string> = {
  'checksum mismatch': 'sai tổng kiểm tra',
  'not JSON': 'không phải JSON',
};

const detail = (p: Params, lang: OperatorLang) => {
  if (p.detail === undefined || p.detail === '') return '';
  const d = String(p.detail);
  return ` (${lang === 'vi' ? (DETAILS_VI[d] ?? d) : d})`;
};

const TEXTS = {
  // ----- a missing or damaged index (IndexLoadError)
  indexMissing: {
    vi: (p) => `Chưa có chỉ mục trong ${p.dir}. Hãy xây dựng bằng: ${p.command}`,
    en: (p) => `No index in ${p.dir}. Build it with: ${p.command}`,
  },
  pointerUnreadable: {
    vi: (p) => `Không đọc được ${p.file}: ${p.detail}.`,
    en: (p) => `Cannot read ${p.file}: ${p.detail}.`,
  },
  indexCorrupted: {
    vi: (p) => `${p.file} bị hỏng${detail(p, 'vi')}.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is corrupted${detail(p, 'en')}.${REBUILD.en(p)}`,
  },
  indexFileMissing: {
    vi: (p) => `Thiếu tệp ${p.file}.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is missing.${REBUILD.en(p)}`,
  },
  indexFileUnreadable: {
    vi: (p) => `Không đọc được ${p.file}${detail(p, 'vi')}.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} cannot be read${detail(p, 'en')}.${REBUILD.en(p)}`,
  },
  indexTruncated: {
    vi: (p) => `${p.file} bị cắt cụt hoặc hỏng (${p.bytes} byte, đúng ra là ${p.expected}).${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is truncated or damaged (${p.bytes} bytes, expected ${p.expected}).${REBUILD.en(p)}`,
  },
  indexNotListed: {
    vi: (p) => `${p.file} không có trong manifest.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is not listed in the manifest.${REBUILD.en(p)}`,
  },
  indexBadManifest: {
    vi: (p) => `${p.file} không phải là manifest mà phiên bản này đọc được.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is not a manifest this version understands.${REBUILD.en(p)}`,
  },
  indexFormat: {
    vi: (p) => `Chỉ mục trong ${p.dir} có định dạng ${p.found}, phiên bản này đọc định dạng ${p.expected}.${REBUILD.vi(p)}`,
    en: (p) => `The index in ${p.dir} has format ${p.found}, this version reads format ${p.expected}.${REBUILD.en(p)}`,
  },
  indexTokenizer: {
    vi: (p) => `Chỉ mục từ khóa trong ${p.dir} được tạo bởi bộ tách từ khác (${p.tokenizer}).${REBUILD.vi(p)}`,
    en: (p) => `The keyword index in ${p.dir} was made by another tokenizer (${p.tokenizer}).${REBUILD.en(p)}`,
  },
  indexInconsistent: {
    vi: (p) => `Chỉ mục trong ${p.dir} không nhất quán (số đoạn và số mục từ khóa khác nhau).${REBUILD.vi(p)}`,
    en: (p) => `The index in ${p.dir} is inconsistent (chunk and keyword counts differ).${REBUILD.en(p)}`,
  },
  indexUnknownArticle: {
    vi: (p) => `${p.file} nhắc đến một bài không có trong chỉ mục: ${p.article}.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} names an unknown article ${p.article}.${REBUILD.en(p)}`,
  },
  indexNotHnsw: {
    vi: (p) => `${p.file} không phải là chỉ mục HNSW.${REBUILD.vi(p)}`,
    en: (p) => `${p.file} is not an HNSW index.${REBUILD.en(p)}`,
  },

  // ----- why the bot searches by keywords only (/status, the log)
  keywordOnlySetting: {
    vi: () => 'EMBEDDING_MODEL=none: chỉ tìm theo từ khóa',
    en: () => 'EMBEDDING_MODEL=none: keyword search only',
  },
  builtWithoutModel: {
    vi: () => 'chỉ mục được xây dựng không có mô hình nhúng: chỉ tìm theo từ khóa',
    en: () => 'the index was built without an embedding model: keyword search only',
  },
  noUsableVectors: {
    vi: () => 'chỉ mục không có vector dùng được: chỉ tìm theo từ khóa',
    en: () => 'the index has no usable vectors: keyword search only',
  },
  otherModel: {
    vi: (p) => `chỉ mục được xây dựng với ${p.built}, không phải ${p.wanted} như cấu hình: câu hỏi được nhúng bằng ${p.built}`,
    en: (p) => `the index was built with ${p.built}, not the configured ${p.wanted}: questions are embedded with ${p.built}`,
  },
  modelUnavailable: {
    vi: (p) => `không dùng được mô hình ${p.model}: chỉ tìm theo từ khóa`,
    en: (p) => `model ${p.model} unavailable: keyword search only`,
  },
  modelDimension: {
    vi: (p) => `mô hình ${p.model} cho vector ${p.dim} chiều nhưng chỉ mục chứa vector ${p.indexDim} chiều: chỉ tìm theo từ khóa (hãy xây dựng lại chỉ mục)`,
    en: (p) => `model ${p.model} gives ${p.dim}-dimensional vectors but the index holds ${p.indexDim}: keyword search only (rebuild the index)`,
  },
  modelFailed: {
    vi: (p) => `${localizeLine(String(p.detail), 'vi')} Chỉ tìm theo từ khóa.`,
    en: (p) => `${p.detail} Keyword search only.`,
  },

  // ----- a script stopped by a known failure (src/cli/messages.ts decides which)
  buildRunning: {
    vi: (p) => `Một lần xây dựng chỉ mục khác${p.holder} đang ghi vào ${p.dir}. Hãy đợi nó xong rồi chạy lại; nếu chắc chắn không còn lần nào đang chạy, hãy xoá tệp ${p.lock}.`,
    en: (p) => `Another index build${p.holder} is writing ${p.dir}. Wait for it to finish and run again; if you are sure none is running, delete ${p.lock}.`,
  },
  readOnly: {
    vi: (p) => `Không ghi được vào ${p.path} (${p.why}). Hãy cho phép ghi vào thư mục chỉ mục (quyền của người dùng chạy bot, volume không gắn chỉ đọc) hoặc chọn thư mục khác bằng --out hoặc INDEX_DIR.`,
    en: (p) => `Cannot write to ${p.path} (${p.why}). Make the index folder writable (permissions of the user running the bot, a volume not mounted read-only) or choose another folder with --out or INDEX_DIR.`,
  },
  diskFull: {
    vi: (p) => `Ổ đĩa đã đầy khi ghi ${p.path}. Hãy giải phóng dung lượng (df -h) rồi chạy lại; chỉ mục đang dùng vẫn giữ nguyên.`,
    en: (p) => `The disk is full (writing ${p.path}). Free some space (df -h) and run again; the index in use is left as it was.`,
  },
  corpusMissing: {
    vi: (p) => `Không tìm thấy thư mục bài viết ${p.dir}. Hãy kiểm tra --corpus hoặc CORPUS_DIR (thư mục chứa các bài: tệp .txt, .md, .html, .htm, .docx, .pdf).`,
    en: (p) => `Corpus folder not found: ${p.dir}. Check --corpus or CORPUS_DIR (the folder of the articles: .txt, .md, .html, .htm, .docx, .pdf files).`,
  },
  corpusNotFolder: {
    vi: (p) => `${p.dir} không phải là thư mục. --corpus hoặc CORPUS_DIR phải là thư mục chứa các bài (tệp .txt, .md, .html, .htm, .docx, .pdf).`,
    en: (p) => `${p.dir} is not a folder. --corpus or CORPUS_DIR must be the folder of the articles (.txt, .md, .html, .htm, .docx, .pdf files).`,
  },

  // ----- the scripts' own lines (npm start, build-index, add)
  added: {
    vi: (p) => `${p.replaced ? 'Đã thay' : 'Đã thêm'} ${p.file}: ${p.title || '(không có tiêu đề)'}`,
    en: (p) => `${p.replaced ? 'Replaced' : 'Added'} ${p.file}: ${p.title || '(no title)'}`,
  },
  addNote: {
    vi: (p) => `  ghi chú: ${p.note}`,
    en: (p) => `  note: ${p.note}`,
  },
  addNameTaken: {
    vi: (p) => `  ghi chú: ${p.file} đã mang tên này nên bài được lưu tên mới; nếu đây là bản sửa, chạy lại với --replace để thay bài cũ`,
    en: (p) => `  note: ${p.file} already had this name, so the article was saved under a new one; if it is a corrected version, run again with --replace to replace the old one`,
  },
  notAdded: {
    vi: (p) => `Không thêm được ${p.source}: ${p.reason}`,
    en: (p) => `Not added ${p.source}: ${p.reason}`,
  },
  firstBuild: {
    vi: (p) => `Chưa có chỉ mục trong ${p.dir}: đang xây dựng từ ${p.corpus}…`,
    en: (p) => `No index in ${p.dir} yet: building it from ${p.corpus}…`,
  },
  firstBuilt: {
    vi: (p) => `Đã xây dựng chỉ mục: ${p.articles} bài, ${p.chunks} đoạn, chế độ ${p.mode}, ${p.seconds} s.`,
    en: (p) => `Index built: ${p.articles} articles, ${p.chunks} chunks, ${p.mode} mode, ${p.seconds} s.`,
  },
  storeDamaged: {
    vi: (p) => `Tệp lưu trữ ${p.file} bị hỏng (${p.reason}): đã chuyển sang ${p.aside} và tạo tệp mới; ngữ cảnh hội thoại và thống kê cũ nằm trong tệp đã chuyển.`,
    en: (p) => `The store file ${p.file} is damaged (${p.reason}): moved to ${p.aside} and a new one started; old conversations and statistics stay in the moved file.`,
  },
  botRunning: {
    vi: (p) => `Bot @${p.username} đang chạy (${p.webhookPort ? `webhook, cổng ${p.webhookPort}` : 'long polling'}). Ctrl+C để dừng.`,
    en: (p) => `Bot @${p.username} is running (${p.webhookPort ? `webhook, port ${p.webhookPort}` : 'long polling'}). Ctrl+C to stop.`,
  },
  buildSummary: {
    vi: (p) => `${p.articles} bài, ${p.chunks} đoạn: ${p.embedded} nhúng mới, ${p.reused} dùng lại, ${p.removed} bỏ đi (${p.hybrid ? 'từ khóa + vector' : 'chỉ từ khóa'}, ${p.seconds} s) -> ${p.out}`,
    en: (p) => `${p.articles} articles, ${p.chunks} chunks: ${p.embedded} embedded, ${p.reused} reused, ${p.removed} removed (${p.hybrid ? 'keyword + vectors' : 'keyword only'}, ${p.seconds} s) -> ${p.out}`,
  },
  indexIntact: {
    vi: (p) => `Chỉ mục ${p.version} trong ${p.dir} còn nguyên vẹn: ${p.files} tệp, ${p.mb} MB, đúng kích thước và tổng kiểm tra như manifest.`,
    en: (p) => `The index ${p.version} in ${p.dir} is intact: ${p.files} files, ${p.mb} MB, sizes and checksums as the manifest says.`,
  },
  indexDamaged: {
    vi: (p) => `Chỉ mục ${p.version} trong ${p.dir} bị hỏng: ${p.damaged} trên ${p.files} tệp không khớp manifest (xem ở trên).`,
    en: (p) => `The index ${p.version} in ${p.dir} is damaged: ${p.damaged} of ${p.files} files do not match the manifest (see above).`,
  },
  buildInterrupted: {
    vi: () => 'Đã ngắt: chỉ mục trước đó được giữ nguyên.',
    en: () => 'Interrupted: the previous index is left as it was.',
  },
  downloadLabel: {
    vi: (p) => `Đang tải ${p.file}`,
    en: (p) => `Downloading ${p.file}`,
  },
  embeddingLabel: {
    vi: () => 'Nhúng vector',
    en: () => 'Embedding',
  },
  settingWarning: {
    vi: (p) => `Cảnh báo: ${p.name} không phải là một thiết lập và bị bỏ qua: có phải ý bạn là ${p.best}?${p.open ? ' Không có ALLOWED_USER_IDS hay ALLOWED_CHAT_IDS thì bot trả lời mọi người.' : ''}`,
    en: (p) => `Warning: ${p.name} is not a setting and is ignored: did you mean ${p.best}?${p.open ? ' Without ALLOWED_USER_IDS or ALLOWED_CHAT_IDS the bot answers everyone.' : ''}`,
  },
  invalidSettings: {
    vi: (p) => `Thiết lập không hợp lệ:\n  - ${p.problems}\nXem .env.example để biết mọi thiết lập.`,
    en: (p) => `Invalid settings:\n  - ${p.problems}\nSee .env.example for every setting.`,
  },
} satisfies Record<string, Record<OperatorLang, Render>>;

export type OperatorCode = keyof typeof TEXTS;

/** A message for the operator: its code and parameters, rendered in a language only at the edge. */
export interface OperatorNote {
  code: OperatorCode;
  params: Params;
}

export function note(code: OperatorCode, params: Params = {}): OperatorNote {
  return { code, params };
}

export function operatorText(n: OperatorNote, lang: OperatorLang): string {
  return TEXTS[n.code][lang](n.params);
}

/**
 * Lines that lower layers write in English as plain text (the build's progress notes, a reader's
 * warnings about a file, why a file was skipped), each with its Vietnamese form. `localizeLine` renders
 * one at the edge (a script's stderr, an admin's /add reply): a line no row matches stays as it was.
 * A row's `en` pattern mirrors the text where it is written; tests/text/operator.test.ts checks each row
 * and a real build's lines, so a reworded source text shows up there. `$1`… are the pattern's groups;
 * `$r2` is group 2 localized in turn (a reason inside a line).
 */
const LINES: readonly { en: RegExp; vi: string }[] = [
  // A missing or damaged index as plain text (an IndexLoadError thrown without a note, or quoted by the
  // build): the same words as the index codes above, so either way reads the same.
  { en: /^No index in (.+)\. Build it with: (.+)$/, vi: 'Chưa có chỉ mục trong $1. Hãy xây dựng bằng: $2' },
  // The model hub a download came from (embedder.ts hubName), inside the lines above and below.
  { en: /^the Hugging Face hub$/, vi: 'kho mô hình Hugging Face' },
  { en: /^the model hub (\S+)$/, vi: 'kho mô hình $1' },
  { en: /^(.+) is corrupted \((.+)\)\. Rebuild with: (.+)$/, vi: '$1 bị hỏng ($r2). Hãy xây dựng lại bằng: $3' },
  { en: /^(.+) is corrupted\. Rebuild with: (.+)$/, vi: '$1 bị hỏng. Hãy xây dựng lại bằng: $2' },
  { en: /^(.+) is missing\. Rebuild with: (.+)$/, vi: 'Thiếu tệp $1. Hãy xây dựng lại bằng: $2' },
  { en: /^(.+) cannot be read \((.+)\)\. Rebuild with: (.+)$/, vi: 'Không đọc được $1 ($2). Hãy xây dựng lại bằng: $3' },
  { en: /^(.+) is truncated or damaged \((\d+) bytes, expected (\d+)\)\. Rebuild with: (.+)$/, vi: '$1 bị cắt cụt hoặc hỏng ($2 byte, đúng ra là $3). Hãy xây dựng lại bằng: $4' },
  { en: /^(.+) is not listed in the manifest\. Rebuild with: (.+)$/, vi: '$1 không có trong manifest. Hãy xây dựng lại bằng: $2' },
  { en: /^(.+) is not a manifest this version understands\. Rebuild with: (.+)$/, vi: '$1 không phải là manifest mà phiên bản này đọc được. Hãy xây dựng lại bằng: $2' },
  { en: /^The index in (.+) has format (.+), this version reads format (.+)\. Rebuild with: (.+)$/, vi: 'Chỉ mục trong $1 có định dạng $2, phiên bản này đọc định dạng $3. Hãy xây dựng lại bằng: $4' },
  { en: /^The keyword index in (.+) was made by another tokenizer \((.+)\)\. Rebuild with: (.+)$/, vi: 'Chỉ mục từ khóa trong $1 được tạo bởi bộ tách từ khác ($2). Hãy xây dựng lại bằng: $3' },
  { en: /^The index in (.+) is inconsistent \(chunk and keyword counts differ\)\. Rebuild with: (.+)$/, vi: 'Chỉ mục trong $1 không nhất quán (số đoạn và số mục từ khóa khác nhau). Hãy xây dựng lại bằng: $2' },
  { en: /^(.+) names an unknown article (.+)\. Rebuild with: (.+)$/, vi: '$1 nhắc đến một bài không có trong chỉ mục: $2. Hãy xây dựng lại bằng: $3' },
  { en: /^(.+) is not an HNSW index\. Rebuild with: (.+)$/, vi: '$1 không phải là chỉ mục HNSW. Hãy xây dựng lại bằng: $2' },
  { en: /^Cannot read (.+): (.+)\.$/, vi: 'Không đọc được $1: $2.' },
  { en: /^checksum mismatch$/, vi: 'sai tổng kiểm tra' },
  { en: /^not JSON$/, vi: 'không phải JSON' },
  // The build (src/index/build.ts)
  { en: /^Skipped (.+?): (.+)$/, vi: 'Bỏ qua $1: $r2' },
  { en: /^No articles found in (.+) \(\.txt or \.md files\): the index is empty\.$/, vi: 'Không có bài nào trong $1 (tệp .txt hoặc .md): chỉ mục trống.' },
  { en: /^Previous index not reusable \((.+)\): building from scratch\.$/, vi: 'Không dùng lại được chỉ mục trước ($r1): xây dựng lại từ đầu.' },
  { en: /^The chunker or tokenizer changed since the last build: rebuilding everything\.$/, vi: 'Cách chia đoạn hoặc tách từ đã đổi từ lần xây dựng trước: xây dựng lại toàn bộ.' },
  { en: /^Loading embedding model (.+)…$/, vi: 'Đang nạp mô hình nhúng $1…' },
  { en: /^Downloading (.+): (\d+)%$/, vi: 'Đang tải $1: $2%' },
  { en: /^Keyword index: (\d+) new chunk\(s\) to tokenise, (\d+) kept…$/, vi: 'Chỉ mục từ khóa: $1 đoạn mới cần tách từ, $2 đoạn giữ nguyên…' },
  { en: /^Embedding (\d+) chunk\(s\) with (.+)…$/, vi: 'Nhúng $1 đoạn bằng $2…' },
  // Why a file is skipped (src/corpus/read.ts, formats/text.ts)
  { en: /^the file is empty$/, vi: 'tệp trống' },
  { en: /^the file is empty \(only blank space\)$/, vi: 'tệp trống (chỉ có khoảng trắng)' },
  { en: /^the file looks binary \(it contains NUL bytes\), not text$/, vi: 'tệp có vẻ là nhị phân (chứa byte NUL), không phải văn bản' },
  { en: /^the file is UTF-16 text; save it as UTF-8$/, vi: 'tệp là văn bản UTF-16; hãy lưu lại dạng UTF-8' },
  { en: /^the file is not valid UTF-8 text \(perhaps Windows-1258 or another old encoding\); save it as UTF-8$/, vi: 'tệp không phải văn bản UTF-8 hợp lệ (có thể là Windows-1258 hay một bảng mã cũ khác); hãy lưu lại dạng UTF-8' },
  { en: /^the file has front matter but no article text$/, vi: 'tệp có front matter nhưng không có nội dung bài' },
  { en: /^no article text is left after removing page leftovers \(menus, counters, captions, headline lists\)$/, vi: 'không còn nội dung bài sau khi bỏ phần thừa của trang (menu, bộ đếm, chú thích, danh sách tin)' },
  { en: /^same content as (.+) \(a duplicate\)$/, vi: 'trùng nội dung với $1 (bản sao)' },
  { en: /^another file, (.+), already gives the article id "(.+)"; rename one of them$/, vi: 'tệp khác, $1, đã dùng mã bài "$2"; hãy đổi tên một trong hai' },
  // Why a Word, PDF or web page file cannot be read (src/corpus/formats/*.ts, read.ts)
  { en: /^no reader for this kind of file \(known: (.+)\)$/, vi: 'không có trình đọc cho loại tệp này (các loại đọc được: $1)' },
  { en: /^the file is not a valid Word document \((.+)\)$/, vi: 'tệp không phải tài liệu Word hợp lệ ($r1)' },
  { en: /^it is not a ZIP package$/, vi: 'không phải gói ZIP' },
  { en: /^the ZIP package is cut short: no central directory$/, vi: 'gói ZIP bị cắt cụt: không có thư mục trung tâm' },
  { en: /^ZIP64 packages are not read$/, vi: 'không đọc gói ZIP64' },
  { en: /^(\d+) parts in the package$/, vi: 'gói có $1 phần' },
  { en: /^the ZIP directory is damaged$/, vi: 'thư mục của gói ZIP bị hỏng' },
  { en: /^the part (.+) is damaged$/, vi: 'phần $1 bị hỏng' },
  { en: /^the part (.+) is cut short$/, vi: 'phần $1 bị cắt cụt' },
  { en: /^the part (.+) uses an unknown compression$/, vi: 'phần $1 dùng kiểu nén không rõ' },
  { en: /^the part (.+) cannot be unpacked$/, vi: 'phần $1 không giải nén được' },
  { en: /^the part (.+) unpacks to more than it declares \(a zip bomb\?\)$/, vi: 'phần $1 giải nén ra nhiều hơn kích thước khai báo (zip bomb?)' },
  { en: /^the document would unpack to (\d+) MB, over the (\d+) MB limit \(a zip bomb\?\)$/, vi: 'tài liệu sẽ giải nén ra $1 MB, quá giới hạn $2 MB (zip bomb?)' },
  { en: /^the file is not a Word document \(no word\/document\.xml inside; an \.odt or a renamed archive\?\)$/, vi: 'tệp không phải tài liệu Word (không có word/document.xml bên trong; tệp .odt hay một gói nén đổi tên?)' },
  { en: /^the Word document could not be read \((.*)\)$/, vi: 'không đọc được tài liệu Word ($1)' },
  { en: /^the Word document has no text$/, vi: 'tài liệu Word không có chữ nào' },
  { en: /^the page declares a character set this reader does not know \("(.*)"\)$/, vi: 'trang khai báo bảng mã mà trình đọc không biết ("$1")' },
  { en: /^the HTML page has no body$/, vi: 'trang HTML không có phần thân (body)' },
  { en: /^the HTML page could not be read \((.*)\)$/, vi: 'không đọc được trang HTML ($1)' },
  { en: /^no article found in the HTML page \(only menus, links or too little text\)$/, vi: 'không tìm thấy bài viết trong trang HTML (chỉ có menu, liên kết hoặc quá ít chữ)' },
  { en: /^the file is not a PDF \(no %PDF header\)$/, vi: 'tệp không phải PDF (không có phần đầu %PDF)' },
  { en: /^the PDF is protected by a password; save an unprotected copy$/, vi: 'tệp PDF có mật khẩu; hãy lưu một bản không khóa' },
  { en: /^the PDF is damaged and cannot be read \((.*)\)$/, vi: 'tệp PDF bị hỏng, không đọc được ($r1)' },
  // pdf.js's own reasons, the ones a damaged file gives most (others stay in pdf.js's English)
  { en: /^Invalid PDF structure\.?$/, vi: 'cấu trúc PDF không hợp lệ' },
  { en: /^Invalid XRef stream header\.?$|^Invalid xref table\.?$|^XRef entry .*$/, vi: 'bảng tham chiếu (xref) của PDF bị hỏng' },
  { en: /^the PDF is damaged: page (\d+) cannot be read \((.*)\)$/, vi: 'tệp PDF bị hỏng: không đọc được trang $1 ($2)' },
  { en: /^the PDF has (\d+) pages, over the (\d+)-page limit for one article; split it into its reports$/, vi: 'tệp PDF có $1 trang, quá giới hạn $2 trang cho một bài; hãy tách thành từng bài' },
  {
    en: /^the PDF has no text layer \(a scan\?\): (\d+) page\(s\) of images only; run it through OCR first \(e\.g\. ocrmypdf -l vie\) and add the result$/,
    vi: 'tệp PDF không có lớp chữ (bản quét?): $1 trang chỉ có ảnh; hãy nhận dạng chữ (OCR) trước (ví dụ ocrmypdf -l vie) rồi thêm kết quả',
  },
  // A model that cannot be loaded (src/embed/embedder.ts; the build and the index's manifest quote it)
  { en: /^model (.+?) could not be loaded: (.+) Building the keyword index only\.$/, vi: 'không nạp được mô hình $1: $r2 Chỉ xây dựng chỉ mục từ khóa.' },
  { en: /^model (.+?) could not be loaded: (.+)$/, vi: 'không nạp được mô hình $1: $r2' },
  { en: /^(.+) Keyword search only\.$/, vi: '$r1 Chỉ tìm theo từ khóa.' },
  {
    en: /^Embedding model "(.+)" not found: the models folder (.+) \(MODELS_DIR\) does not exist\. Point MODELS_DIR at the folder that holds the model, unset MODELS_DIR to download it from the Hugging Face hub, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không tìm thấy mô hình nhúng "$1": thư mục mô hình $2 (MODELS_DIR) không tồn tại. Hãy trỏ MODELS_DIR tới thư mục chứa mô hình, bỏ MODELS_DIR để tải từ Hugging Face, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" not found in (.+) \(looked only in MODELS_DIR=(.+); nothing is downloaded when MODELS_DIR is set\)\. Copy the model folder there, fix EMBEDDING_MODEL or MODELS_DIR, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không tìm thấy mô hình nhúng "$1" trong $2 (chỉ tìm trong MODELS_DIR=$3; khi đặt MODELS_DIR thì không tải gì về). Hãy chép thư mục mô hình vào đó, sửa EMBEDDING_MODEL hoặc MODELS_DIR, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" in (.+) is incomplete: missing (.+)\. Copy the complete model folder \(a transformers\.js ONNX export\), or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Mô hình nhúng "$1" trong $2 thiếu tệp: $3. Hãy chép đủ thư mục mô hình (bản ONNX cho transformers.js), hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" in (.+) is incomplete \((.*)\)\. Copy the complete model folder, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Mô hình nhúng "$1" trong $2 chưa đủ tệp ($3). Hãy chép đủ thư mục mô hình, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" in (.+) could not be loaded \((.*)\); its files may be damaged or not a transformers\.js ONNX export\. Copy the model folder again, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không nạp được mô hình nhúng "$1" trong $2 ($3); các tệp có thể hỏng hoặc không phải bản ONNX cho transformers.js. Hãy chép lại thư mục mô hình, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" could not be downloaded from (.+?) \((.*)\)\. Check the internet connection, or set MODELS_DIR to a folder that holds the model, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không tải được mô hình nhúng "$1" từ $r2 ($3). Hãy kiểm tra kết nối mạng, hoặc đặt MODELS_DIR là thư mục chứa mô hình, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" was not found on (.+?) \((.*)\)\. Check EMBEDDING_MODEL \(a transformers\.js ONNX model id, e\.g\. Xenova\/multilingual-e5-small\), or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không tìm thấy mô hình nhúng "$1" trên $r2 ($3). Hãy kiểm tra EMBEDDING_MODEL (mã một mô hình ONNX cho transformers.js, ví dụ Xenova/multilingual-e5-small), hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" from (.+?) could not be loaded \((.*)\)\. Delete its cached copy under (.+) and retry, set MODELS_DIR to a folder that holds the model, or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không nạp được mô hình nhúng "$1" từ $r2 ($3). Hãy xoá bản lưu tạm trong $4 rồi thử lại, đặt MODELS_DIR là thư mục chứa mô hình, hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^Embedding model "(.+)" could not be loaded: the ONNX runtime \(@xenova\/transformers, onnxruntime-node\) failed to start \((.*)\)\. Reinstall dependencies \(npm ci\), or set EMBEDDING_MODEL=none for keyword-only search\.$/,
    vi: 'Không nạp được mô hình nhúng "$1": bộ chạy ONNX (@xenova/transformers, onnxruntime-node) không khởi động được ($2). Hãy cài lại các gói (npm ci), hoặc đặt EMBEDDING_MODEL=none để chỉ tìm theo từ khóa.',
  },
  {
    en: /^No embedding model to load: EMBEDDING_MODEL=(.+) means keyword-only search\. Set EMBEDDING_MODEL to a model id \(e\.g\. Xenova\/multilingual-e5-small\) for hybrid search\.$/,
    vi: 'Không có mô hình nhúng nào để nạp: EMBEDDING_MODEL=$1 nghĩa là chỉ tìm theo từ khóa. Hãy đặt EMBEDDING_MODEL là mã một mô hình (ví dụ Xenova/multilingual-e5-small) để tìm kết hợp.',
  },
  // A bad setting (src/config.ts)
  { en: /^([A-Z_]+)=(".*"): expected an integer from (.+) to (.+)$/, vi: '$1=$2: cần một số nguyên từ $3 đến $4' },
  { en: /^([A-Z_]+)=(".*"): expected a number from (.+) to (.+)$/, vi: '$1=$2: cần một số từ $3 đến $4' },
  { en: /^([A-Z_]+)=(".*"): expected true or false$/, vi: '$1=$2: cần true hoặc false' },
  { en: /^([A-Z_]+): (".*") is not a Telegram id \(an integer\)$/, vi: '$1: $2 không phải mã Telegram (một số nguyên)' },
  { en: /^([A-Z_]+)=(".*"): expected an http\(s\) URL$/, vi: '$1=$2: cần một địa chỉ http(s)' },
  { en: /^([A-Z_]+)=(".*"): expected a size such as 10m, 500k or 1g$/, vi: '$1=$2: cần một kích thước như 10m, 500k hay 1g' },
  { en: /^([A-Z_]+)=(".*"): expected daily, hourly or none$/, vi: '$1=$2: cần daily, hourly hoặc none' },
  { en: /^([A-Z_]+)=(".*"): expected one of (.+)$/, vi: '$1=$2: cần một trong các giá trị $3' },
  { en: /^BOT_TOKEN does not look like a token from @BotFather \(digits, a colon, then the secret\)$/, vi: 'BOT_TOKEN không giống mã do @BotFather cấp (các chữ số, dấu hai chấm, rồi phần bí mật)' },
  // Why an address or a file cannot be added (src/corpus/ingest.ts)
  { en: /^only http and https addresses can be added, not "(.+)" \((.*)\)$/, vi: 'chỉ thêm được địa chỉ http và https, không phải "$1" ($2)' },
  { en: /^not a valid web address: (.*)$/, vi: 'không phải địa chỉ web hợp lệ: $1' },
  { en: /^too many redirects \(more than (\d+)\) from (.*)$/, vi: 'chuyển hướng quá nhiều lần (hơn $1) từ $2' },
  { en: /^the server answered (.+) for (.*)$/, vi: 'máy chủ trả lời $1 cho $2' },
  { en: /^the page is (\d+) bytes, over the (\d+)-byte limit$/, vi: 'trang nặng $1 byte, quá giới hạn $2 byte' },
  { en: /^the page is over the (\d+)-byte limit$/, vi: 'trang vượt quá giới hạn $1 byte' },
  { en: /^no complete answer from (.+) within (.+) s$/, vi: 'không nhận đủ câu trả lời từ $1 trong $2 giây' },
  { en: /^cannot fetch (\S+): (.*)$/, vi: 'không tải được $1: $2' },
  { en: /^the address gives "(.+)", not a web page, PDF or Word document$/, vi: 'địa chỉ trả về "$1", không phải trang web, PDF hay tài liệu Word' },
  { en: /^no reader for "(.+)" files \(known: (.+)\)$/, vi: 'không đọc được tệp "$1" (các loại đọc được: $2)' },
  { en: /^not a file: (.*)$/, vi: 'không phải là tệp: $1' },
  { en: /^the file is over the (\d+)-byte limit: (.*)$/, vi: 'tệp vượt quá giới hạn $1 byte: $2' },
  { en: /^cannot read (.+): no such file$/, vi: 'không đọc được $1: không có tệp này' },
  // Why the bot could not take an admin's upload (src/bot/features/corpus.ts)
  { en: /^Telegram gave no download path for the file$/, vi: 'Telegram không cho đường dẫn tải tệp' },
  { en: /^the file is over the (\d+)-byte limit$/, vi: 'tệp vượt quá giới hạn $1 byte' },
  { en: /^the file could not be downloaded from Telegram \((.+)\)$/, vi: 'không tải được tệp từ Telegram ($r1)' },
  { en: /^timeout$/, vi: 'quá thời gian chờ' },
  { en: /^network error$/, vi: 'lỗi mạng' },
  { en: /^Telegram answered (.+) when the file was downloaded$/, vi: 'Telegram trả lời $1 khi tải tệp' },
  { en: /^the corpus folder (.+) is not writable for the bot \((.+)\); mount it read-write to add articles from Telegram$/, vi: 'bot không ghi được vào thư mục bài viết $1 ($2); hãy gắn thư mục ở chế độ đọc-ghi để thêm bài từ Telegram' },
  { en: /^the disk is full$/, vi: 'ổ đĩa đã đầy' },
  // What a reader noticed about a file (src/corpus/metadata.ts, frontmatter.ts, read.ts)
  { en: /^no date found in the article$/, vi: 'không tìm thấy ngày trong bài' },
  { en: /^no title found$/, vi: 'không tìm thấy tiêu đề' },
  { en: /^no title line found; the title was made from the lead sentence$/, vi: 'không có dòng tiêu đề; tiêu đề được lấy từ câu mở đầu' },
  { en: /^the text gives no date; using the date the file was created \((.+)\)$/, vi: 'bài không ghi ngày; dùng ngày tạo tệp ($1)' },
  { en: /^the text gives no date; using the date in the title \((.+)\)$/, vi: 'bài không ghi ngày; dùng ngày trong tiêu đề ($1)' },
  { en: /^the article gives the date "(.+)" without a year; the year is left unknown$/, vi: 'bài ghi ngày "$1" mà không có năm; năm để trống' },
  { en: /^front matter date "(.+)" is not a date I can read; using the date in the text$/, vi: 'ngày "$1" trong front matter không đọc được; dùng ngày trong bài' },
  { en: /^front matter has no title; the title is taken from the text$/, vi: 'front matter không có tiêu đề; tiêu đề lấy từ bài' },
  { en: /^front matter: "(.+)" given twice; the last one is used$/, vi: 'front matter: "$1" có hai lần; dùng giá trị sau cùng' },
  { en: /^front matter: url "(.+)" is not an http\(s\) address; ignored$/, vi: 'front matter: url "$1" không phải địa chỉ http(s); bỏ qua' },
  { en: /^front matter: unknown key "(.+)" ignored \(known: title, date, url, source, author\)$/, vi: 'front matter: bỏ qua khóa lạ "$1" (các khóa: title, date, url, source, author)' },
  {
    en: /^the file is (.+), far longer than a news report \(several articles in one file\?\): indexed as one article; split it for citations that point to the right report$/,
    vi: 'tệp nặng $1, dài hơn nhiều so với một bài báo (nhiều bài trong một tệp?): được lập chỉ mục như một bài; hãy tách ra để trích dẫn chỉ đúng bài',
  },
  // A file's own warning in the build's log: "<file>: <warning>" (last: only when the warning is known)
  { en: /^([^:]+\.(?:txt|md|html?|docx|pdf)): (.+)$/, vi: '$1: $r2' },
];

/** A line from a lower layer in the reader's language (see LINES); English, or an unknown line, as it came. */
export function localizeLine(line: string, lang: OperatorLang): string {
  if (lang === 'en') return line;
  for (const row of LINES) {
    const m = row.en.exec(line);
    if (!m) continue;
    return row.vi.replace(/\$(r?)(\d)/g, (_, again: string, n: string) => {
      const group = m[Number(n)] ?? '';
      return again ? localizeLine(group, lang) : group;
    });
  }
  return line;
}
