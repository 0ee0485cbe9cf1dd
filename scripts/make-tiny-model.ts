/**
 * Writes the `tiny-vi` test embedding model: a real, tiny ONNX model plus a Hugging Face style tokenizer that
 * load through the very same transformers.js code path as the production model (pipeline('feature-extraction')),
 * so tests can exercise hybrid search offline and in milliseconds.
 *
 *   npx tsx scripts/make-tiny-model.ts [--out DIR] [--text DIR]... [--no-default-text] [--vocab N] [--dim N]
 *
 * Default text: corpus/*.txt and tests/fixtures/xquad_vi/docs/*.txt (when present); --text adds folders.
 * Output (deterministic: the same text gives the same bytes on every run and machine):
 *   DIR/config.json, DIR/tokenizer.json, DIR/tokenizer_config.json, DIR/onnx/model.onnx, DIR/README.md
 *
 * The model is a "hashed bag of syllables": each vocabulary syllable (lower-cased, diacritics folded) gets a fixed
 * pseudo-random direction seeded by a hash of the syllable, scaled by its IDF over the gathered paragraphs. The ONNX
 * graph is Gather(embeddings, input_ids) * attention_mask, and transformers.js then mean-pools and normalises, so
 * texts sharing (rare) syllables get close vectors. It is a test fixture, not a language model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../src/text/random.js';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const TINY_DEFAULTS = {
  dim: 96,
  vocabCap: 8000,
  maxLength: 512,
  /** Longest syllable kept in the vocabulary (longer "words" are URLs, codes, ...). */
  maxTokenChars: 24,
} as const;

/** Reserved ids. The words of the e5 prefixes ("query: ", "passage: ") get zero rows so that they add nothing. */
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;
const ZERO_WORDS = ['query', 'passage'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Text folding, identical to what the tokenizer.json below does inside transformers.js:
// BertNormalizer(clean_text, lowercase, strip_accents) = clean, toLowerCase, NFD, drop U+0300..U+036F; then đ -> d.
// Pre-tokenisation is BertPreTokenizer: runs of non-space non-punctuation, or single punctuation characters.
// ---------------------------------------------------------------------------------------------------------------

const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const WORD = /^[\p{L}\p{N}]+$/u;

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0 || cp === 0xfffd) continue;
    if (ch === '\t' || ch === '\n' || ch === '\r' || /^\s$/u.test(ch)) {
      out += ' ';
      continue;
    }
    if (/^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u.test(ch)) continue;
    out += ch;
  }
  return out
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('đ', 'd');
}

/** The vocabulary candidates of a text: folded pre-tokens that are letters/digits only. */
export function syllables(text: string): string[] {
  const tokens = foldText(text).trim().match(PRE_TOKEN) ?? [];
  return tokens.filter((t) => WORD.test(t) && [...t].length <= TINY_DEFAULTS.maxTokenChars);
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic pseudo-random vectors: integer hashing and an integer PRNG only, no transcendental functions,
// so the bytes do not depend on the platform's Math.log/Math.cos.
// ---------------------------------------------------------------------------------------------------------------

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/** A unit vector of approximately Gaussian components (Irwin-Hall: sum of 12 uniforms - 6), seeded by `key`. */
function hashedDirection(key: string, dim: number): Float64Array {
  const rand = mulberry32(fnv1a(`tiny-vi/${key}`));
  const v = new Float64Array(dim);
  let norm2 = 0;
  for (let i = 0; i < dim; i++) {
    let s = -6;
    for (let k = 0; k < 12; k++) s += rand();
    v[i] = s;
    norm2 += s * s;
  }
  const norm = Math.sqrt(norm2) || 1;
  for (let i = 0; i < dim; i++) v[i] = v[i]! / norm;
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Gathering text
// ---------------------------------------------------------------------------------------------------------------

interface Stats {
  /** Paragraphs seen (the "documents" of the IDF). */
  paragraphs: number;
  count: Map<string, number>;
  df: Map<string, number>;
  files: string[];
}

function listTextFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => path.join(dir, f));
}

function gather(dirs: string[]): Stats {
  const stats: Stats = { paragraphs: 0, count: new Map(), df: new Map(), files: [] };
  for (const dir of dirs) {
    for (const file of listTextFiles(dir)) {
      stats.files.push(path.relative(ROOT, file) || file);
      const text = fs.readFileSync(file, 'utf8');
      for (const para of text.split(/\r?\n/)) {
        const syl = syllables(para);
        if (syl.length === 0) continue;
        stats.paragraphs++;
        for (const s of syl) stats.count.set(s, (stats.count.get(s) ?? 0) + 1);
        for (const s of new Set(syl)) stats.df.set(s, (stats.df.get(s) ?? 0) + 1);
      }
    }
  }
  return stats;
}

/** BM25's IDF (always > 0, near 0 for a syllable in every paragraph), rounded so the bytes stay stable. */
function idf(df: number, n: number): number {
  const v = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return Math.round(v * 1e4) / 1e4;
}

// ---------------------------------------------------------------------------------------------------------------
// ONNX protobuf (the subset of onnx.proto we need; field numbers from onnx/onnx.proto3)
// ---------------------------------------------------------------------------------------------------------------

const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto {
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  repeated int64 ints = 8;
  int32 type = 20;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; string doc_string = 3; }
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string doc_string = 6;
  string domain = 7;
}
message StringStringEntryProto { string key = 1; string value = 2; }
message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  repeated int64 int64_data = 7;
  string name = 8;
  bytes raw_data = 9;
  string doc_string = 12;
}
message TensorShapeProto {
  message Dimension { int64 dim_value = 1; string dim_param = 2; }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  Tensor tensor_type = 1;
}
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  string domain = 4;
  int64 model_version = 5;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
}
`;

const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;

function tensorType(elemType: number, dims: (number | string)[]) {
  return {
    tensorType: {
      elemType,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  };
}

function buildOnnx(embeddings: Float32Array, vocab: number, dim: number, doc: string): Uint8Array {
  const root = protobuf.parse(ONNX_PROTO, { keepCase: false }).root;
  const Model = root.lookupType('onnx.ModelProto');

  const raw = new Uint8Array(embeddings.length * 4);
  const view = new DataView(raw.buffer);
  embeddings.forEach((x, i) => view.setFloat32(i * 4, x, true));

  const model = {
    irVersion: 7,
    producerName: 'make-tiny-model',
    producerVersion: '1',
    domain: 'vn-meeting-reports-bot',
    modelVersion: 1,
    docString: doc,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny_vi',
      docString: 'last_hidden_state = Gather(embeddings, input_ids) * attention_mask',
      input: [
        { name: 'input_ids', type: tensorType(INT64, ['batch_size', 'sequence_length']) },
        { name: 'attention_mask', type: tensorType(INT64, ['batch_size', 'sequence_length']) },
      ],
      output: [{ name: 'last_hidden_state', type: tensorType(FLOAT, ['batch_size', 'sequence_length', dim]) }],
      initializer: [
        { name: 'embeddings', dims: [vocab, dim], dataType: FLOAT, rawData: raw },
        { name: 'unsqueeze_axes', dims: [1], dataType: INT64, int64Data: [-1] },
      ],
      node: [
        { name: 'lookup', opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['token_vectors'], attribute: [{ name: 'axis', type: ATTR_INT, i: 0 }] },
        { name: 'mask_float', opType: 'Cast', input: ['attention_mask'], output: ['mask_f'], attribute: [{ name: 'to', type: ATTR_INT, i: FLOAT }] },
        { name: 'mask_3d', opType: 'Unsqueeze', input: ['mask_f', 'unsqueeze_axes'], output: ['mask_3d'] },
        { name: 'apply_mask', opType: 'Mul', input: ['token_vectors', 'mask_3d'], output: ['last_hidden_state'] },
      ],
    },
  };
  const err = Model.verify(model);
  if (err) throw new Error(`internal: bad ONNX message: ${err}`);
  return Model.encode(Model.fromObject(model)).finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------

function tokenizerJson(vocabList: string[], maxLength: number) {
  const vocab: Record<string, number> = {};
  vocabList.forEach((tok, id) => {
    vocab[tok] = id;
  });
  const sp = (t: string) => ({ id: t, ids: [vocabList.indexOf(t)], tokens: [t] });
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: maxLength, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: SPECIAL.map((t, id) => ({
      id,
      content: t,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
        { type: 'Replace', pattern: { String: 'đ' }, content: 'd' },
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': sp('[CLS]'), '[SEP]': sp('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

export interface MakeOptions {
  out: string;
  textDirs: string[];
  dim?: number;
  vocabCap?: number;
  log?: (line: string) => void;
}

export interface MakeReport {
  out: string;
  files: string[];
  sources: number;
  paragraphs: number;
  vocabSize: number;
  dim: number;
  modelBytes: number;
}

export function makeTinyModel(opts: MakeOptions): MakeReport {
  const dim = opts.dim ?? TINY_DEFAULTS.dim;
  const cap = opts.vocabCap ?? TINY_DEFAULTS.vocabCap;
  const maxLength = TINY_DEFAULTS.maxLength;
  const log = opts.log ?? (() => {});

  const stats = gather(opts.textDirs);
  if (stats.paragraphs === 0) throw new Error(`no text found in ${opts.textDirs.join(', ')} (*.txt)`);

  const reserved = new Set<string>([...SPECIAL, ...ZERO_WORDS]);
  const ranked = [...stats.count.entries()]
    .filter(([s]) => !reserved.has(s))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, cap - reserved.size))
    .map(([s]) => s);
  const vocabList = [...SPECIAL, ...ZERO_WORDS, ...ranked];
  const V = vocabList.length;

  const emb = new Float32Array(V * dim);
  // [CLS] carries a tiny constant direction so that an empty or all-unknown text still has a defined unit vector
  // (transformers.js divides by the norm: an all-zero mean would give NaN). Its weight is ~1/100 of a syllable's.
  const cls = hashedDirection('[CLS]', dim);
  const clsId = vocabList.indexOf('[CLS]');
  for (let j = 0; j < dim; j++) emb[clsId * dim + j] = Math.fround(0.01 * cls[j]!);
  ranked.forEach((s, k) => {
    const id = SPECIAL.length + ZERO_WORDS.length + k;
    const w = idf(stats.df.get(s) ?? 0, stats.paragraphs);
    const dir = hashedDirection(s, dim);
    for (let j = 0; j < dim; j++) emb[id * dim + j] = Math.fround(w * dir[j]!);
  });

  const doc =
    'tiny-vi: a hashed bag-of-syllables test fixture for vn-meeting-reports-bot, made by scripts/make-tiny-model.ts. ' +
    'Not a language model.';
  const onnx = buildOnnx(emb, V, dim, doc);

  const config = {
    _comment: 'tiny-vi test fixture (scripts/make-tiny-model.ts): an embedding lookup, not a trained BERT.',
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dim,
    vocab_size: V,
    max_position_embeddings: maxLength,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dim,
    pad_token_id: 0,
    type_vocab_size: 1,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: maxLength,
    do_lower_case: true,
    strip_accents: true,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
  };

  const files: [string, string | Uint8Array][] = [
    ['config.json', json(config)],
    ['tokenizer.json', json(tokenizerJson(vocabList, maxLength))],
    ['tokenizer_config.json', json(tokenizerConfig)],
    ['onnx/model.onnx', onnx],
    ['README.md', readme({ V, dim, paragraphs: stats.paragraphs, sources: stats.files.length })],
  ];
  fs.mkdirSync(path.join(opts.out, 'onnx'), { recursive: true });
  for (const [name, data] of files) fs.writeFileSync(path.join(opts.out, name), data);
  log(
    `tiny-vi: ${stats.files.length} files, ${stats.paragraphs} paragraphs, ${stats.count.size} distinct syllables; ` +
      `vocabulary ${V}, dim ${dim}, model.onnx ${onnx.length} bytes -> ${opts.out}`,
  );
  return {
    out: opts.out,
    files: files.map(([n]) => n),
    sources: stats.files.length,
    paragraphs: stats.paragraphs,
    vocabSize: V,
    dim,
    modelBytes: onnx.length,
  };
}

function readme(x: { V: number; dim: number; paragraphs: number; sources: number }): string {
  return `# tiny-vi — test fixture, not a language model

A real but tiny embedding model that loads through the same transformers.js code path as the production model
(\`pipeline('feature-extraction', 'tiny-vi')\` with \`MODELS_DIR=tests/fixtures/models\`, remote loading off), so the
tests can run hybrid search offline in milliseconds. Its vectors only mean "these texts share rare syllables".

- Made by \`npm run make-tiny-model\` (\`scripts/make-tiny-model.ts\`); do not edit by hand. Regenerating from the same
  text gives byte-identical files. Text used: \`corpus/*.txt\` and \`tests/fixtures/xquad_vi/docs/*.txt\` when present
  (${x.sources} files, ${x.paragraphs} paragraphs when this copy was made).
- Tokenizer (\`tokenizer.json\`): lower-case, diacritics folded (NFD, combining marks dropped, đ→d) so unaccented input
  gets the same ids; BERT pre-tokenisation (whitespace and punctuation); WordPiece over whole syllables only (an unknown
  syllable is \`[UNK]\`); \`[CLS] … [SEP]\`; truncation at 512 tokens (\`model_max_length\`).
- Vocabulary: ${x.V} entries = \`[PAD] [UNK] [CLS] [SEP]\`, \`query\`, \`passage\` (the e5 prefix words, zero rows), then the
  most frequent folded syllables of the text (at most ${TINY_DEFAULTS.vocabCap}).
- Model (\`onnx/model.onnx\`, opset 13, float32): inputs \`input_ids\`, \`attention_mask\` (int64 [batch, seq]);
  \`last_hidden_state = Gather(embeddings, input_ids) * attention_mask\`, dim ${x.dim}. Row of a syllable: a fixed
  pseudo-random unit direction seeded by a hash of the syllable, times its BM25 IDF over the text's paragraphs (so
  "của", "và", "các" weigh little). Zero rows for \`[PAD] [UNK] [SEP] query passage\`; \`[CLS]\` has a tiny constant
  row so an empty text still gets a defined unit vector. With mean pooling and normalisation this is a hashed,
  IDF-weighted bag of syllables.
- Prefix scheme: the e5 one (\`query: \` / \`passage: \`), so tests exercise the production code; the prefixes add nothing.
`;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------

const USAGE = `Usage: npm run make-tiny-model -- [--out DIR] [--text DIR]... [--no-default-text] [--vocab N] [--dim N]
Regenerates the tiny-vi test embedding model (deterministic: the same text gives the same bytes).
  --out DIR           where to write it (default: tests/fixtures/models/tiny-vi)
  --text DIR          another folder of .txt files to learn syllables from (repeatable)
  --no-default-text   do not read corpus/ and tests/fixtures/xquad_vi/docs/
  --vocab N           vocabulary size cap (default ${TINY_DEFAULTS.vocabCap})
  --dim N             vector size (default ${TINY_DEFAULTS.dim})`;

function parseArgs(argv: string[]): MakeOptions {
  let out = path.join(ROOT, 'tests/fixtures/models/tiny-vi');
  const extra: string[] = [];
  let defaults = true;
  let dim: number | undefined;
  let vocabCap: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--out') out = path.resolve(value());
    else if (a === '--text') extra.push(path.resolve(value()));
    else if (a === '--no-default-text') defaults = false;
    else if (a === '--dim') dim = Number(value());
    else if (a === '--vocab') vocabCap = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const [name, n] of [['--dim', dim], ['--vocab', vocabCap]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 8)) throw new Error(`${name}: expected an integer >= 8`);
  }
  const textDirs = [
    ...(defaults ? [path.join(ROOT, 'corpus'), path.join(ROOT, 'tests/fixtures/xquad_vi/docs')] : []),
    ...extra,
  ];
  return { out, textDirs, dim, vocabCap, log: (line) => console.log(line) };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    makeTinyModel(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(`make-tiny-model: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
