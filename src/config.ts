/**
 * Every setting of the project, read once from the environment (and `.env`) and validated up front,
 * so that a typo fails at start with one message naming every bad variable, not later mid-request.
 * `.env.example` documents each of them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  corpusDir: string;
  indexDir: string;
  /** A model id, or null for keyword-only ("none"). */
  embeddingModel: string | null;
  modelsDir: string | null;
  modelsCacheDir: string;
  embedBatchSize: number;

  topK: number;
  maxPerArticle: number;
  /** Fusion: weight of the keyword score. */
  keywordWeight: number;
  /** Fusion: weight of the dense score; null = the model's calibrated default (src/embed/calibration.ts). */
  vectorWeight: number | null;
  /** Relevance below which the reply says the reports do not answer the question. */
  answerThreshold: number;
  maxQuestionChars: number;

  botToken: string | null;
  telegramApiRoot: string | null;
  webhookUrl: string | null;
  webhookPort: number;
  webhookSecret: string | null;
  /** Polling mode: port of the /healthz and /readyz server (null: none). Webhook mode serves them on the webhook port. */
  healthPort: number | null;
  /** Address the health server listens on (default 127.0.0.1: local only). */
  healthHost: string;
  allowedUserIds: Set<number> | null;
  allowedChatIds: Set<number> | null;
  adminUserIds: Set<number>;
  rateLimitPerMinute: number;
  watchIndex: boolean;
  /** Rebuild the index (debounced, one build at a time) when files in the corpus folder change. */
  watchCorpus: boolean;
  /** How long a chat's last question is remembered for follow-ups ("còn Huế thì sao?"), in minutes. */
  contextMinutes: number;
  /** The SQLite file of chat contexts and feedback (created on first use); null: kept in memory. */
  storePath: string | null;
  /** Question records and feedback older than this many days are deleted from the store; 0 keeps them. */
  storeKeepDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Log lines go to this file (rotated) instead of stderr; null: stderr. */
  logFile: LogFileSettings | null;
  /** Environment variables that look like settings but are not (a typo): one line each, to print at start. */
  warnings: string[];
}

/** LOG_FILE and its rotation (pino-roll's options). */
export interface LogFileSettings {
  path: string;
  /** A new file when this one reaches the size: "10m", "500k", "1g". */
  size: string;
  /** A new file every day or hour as well, or only by size. */
  frequency: 'daily' | 'hourly' | null;
  /** Rotated files kept besides the current one. */
  keep: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    const masked = problems.map(maskSecrets);
    super(`Invalid settings:\n  - ${masked.join('\n  - ')}\nSee .env.example for every setting.`);
    this.problems = masked;
  }
}

export const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

/** Most results one answer may show: the TOP_K setting and `ask --top` share it. */
export const MAX_TOP_K = 20;

/** Anything shaped like a Telegram bot token (digits, a colon, the secret) becomes `<token>`: error texts never echo one. */
export function maskSecrets(text: string): string {
  return text.replace(/\d+:[A-Za-z0-9_-]{30,}/g, '<token>');
}

/** Every environment variable loadConfig reads. */
export const SETTINGS = [
  'BOT_TOKEN', 'TELEGRAM_API_ROOT', 'WEBHOOK_URL', 'WEBHOOK_PORT', 'WEBHOOK_SECRET', 'HEALTH_PORT', 'HEALTH_HOST',
  'ALLOWED_USER_IDS', 'ALLOWED_CHAT_IDS', 'ADMIN_USER_IDS', 'RATE_LIMIT_PER_MINUTE',
  'CORPUS_DIR', 'INDEX_DIR', 'WATCH_INDEX', 'WATCH_CORPUS', 'CONTEXT_MINUTES', 'STORE_PATH', 'STORE_KEEP_DAYS',
  'EMBEDDING_MODEL', 'MODELS_DIR', 'MODELS_CACHE_DIR', 'EMBED_BATCH_SIZE',
  'TOP_K', 'MAX_PER_ARTICLE', 'ANSWER_THRESHOLD', 'MAX_QUESTION_CHARS', 'FUSION_KEYWORD_WEIGHT', 'FUSION_VECTOR_WEIGHT',
  'LOG_LEVEL', 'LOG_FILE', 'LOG_FILE_SIZE', 'LOG_FILE_FREQUENCY', 'LOG_FILE_KEEP',
] as const;

/** Name beginnings that only our settings use: an unknown variable starting so is a misspelt setting. */
const OUR_PREFIXES = ['ALLOWED_', 'ADMIN_', 'BOT_', 'TELEGRAM_', 'WEBHOOK_', 'HEALTH_', 'INDEX_', 'CORPUS_', 'EMBEDDING_', 'EMBED_', 'MODEL', 'FUSION_', 'RATE_LIMIT', 'ANSWER_', 'TOP_', 'MAX_PER', 'MAX_QUESTION', 'WATCH_INDEX', 'WATCH_CORPUS', 'LOG_'];

/**
 * Warnings for variables that look like our settings but are none (`ALLOWED_USERS=111` would leave the
 * bot open to everyone without a word): a name starting like ours, or within two edits of one (any case).
 * Each names the closest setting. Values are never shown.
 */
export function settingWarnings(env: Env): string[] {
  return misspeltSettings(env).map(
    (m) => `${m.name} is not a setting and is ignored: did you mean ${m.best}?${m.open ? ' Without ALLOWED_USER_IDS or ALLOWED_CHAT_IDS the bot answers everyone.' : ''}`,
  );
}

/** The same, as data (for texts in the operator's language): the variable, the closest setting, whether the bot is left open. */
export function misspeltSettings(env: Env): { name: string; best: string; open: boolean }[] {
  const known = new Set<string>(SETTINGS);
  const out: { name: string; best: string; open: boolean }[] = [];
  for (const name of Object.keys(env).sort()) {
    if (known.has(name) || env[name] === undefined) continue;
    const upper = name.toUpperCase();
    let best: string = SETTINGS[0];
    let bestDistance = Infinity;
    for (const s of SETTINGS) {
      const d = editDistance(upper, s);
      if (d < bestDistance) [best, bestDistance] = [s, d];
    }
    const looksOurs = OUR_PREFIXES.some((p) => upper.startsWith(p)) || (bestDistance <= 2 && upper.length >= 4);
    if (!looksOurs) continue;
    const open = (best === 'ALLOWED_USER_IDS' || best === 'ALLOWED_CHAT_IDS') && env.ALLOWED_USER_IDS === undefined && env.ALLOWED_CHAT_IDS === undefined;
    out.push({ name, best, open });
  }
  return out;
}

/** Levenshtein distance (names are short). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  str(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optStr(name: string): string | null {
    return this.raw(name) ?? null;
  }

  num(name: string, fallback: number, min: number, max: number, integer = false): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      this.problems.push(`${name}=${JSON.stringify(v)}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}=${JSON.stringify(v)}: expected true or false`);
    return fallback;
  }

  ids(name: string): Set<number> | null {
    const v = this.raw(name);
    if (v === undefined) return null;
    const out = new Set<number>();
    for (const part of v.split(/[\s,;]+/).filter(Boolean)) {
      const n = Number(part);
      if (!Number.isSafeInteger(n)) {
        this.problems.push(`${name}: ${JSON.stringify(part)} is not a Telegram id (an integer)`);
        continue;
      }
      out.add(n);
    }
    return out;
  }

  url(name: string): string | null {
    const v = this.raw(name);
    if (v === undefined) return null;
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return v.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name}=${JSON.stringify(v)}: expected an http(s) URL`);
      return null;
    }
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Log rotation defaults: at 10 MB a file is still quick to open and grep, and a bot logging one line per
 * question writes about that in a busy day; two weeks of daily files cover a problem noticed late.
 */
const LOG_FILE_DEFAULTS = { size: '10m', frequency: 'daily', keep: 14 } as const;

function logFileSettings(r: Reader, resolve: (p: string) => string): LogFileSettings | null {
  const file = r.optStr('LOG_FILE');
  const size = r.str('LOG_FILE_SIZE', LOG_FILE_DEFAULTS.size).toLowerCase();
  if (!/^\d+[kmg]?$/.test(size) || /^0+[kmg]?$/.test(size)) r.problems.push(`LOG_FILE_SIZE=${JSON.stringify(size)}: expected a size such as 10m, 500k or 1g`);
  const frequency = r.str('LOG_FILE_FREQUENCY', LOG_FILE_DEFAULTS.frequency).toLowerCase();
  if (!['daily', 'hourly', 'none'].includes(frequency)) r.problems.push(`LOG_FILE_FREQUENCY=${JSON.stringify(frequency)}: expected daily, hourly or none`);
  const keep = r.num('LOG_FILE_KEEP', LOG_FILE_DEFAULTS.keep, 0, 10_000, true);
  if (file === null) return null;
  return { path: resolve(file), size, frequency: frequency === 'none' ? null : (frequency as 'daily' | 'hourly'), keep };
}

/** Pure: builds the config from an environment object. Relative paths are resolved against `cwd`. */
/** EMBEDDING_MODEL values that mean "no model: keyword search only". */
const KEYWORD_ONLY_SETTINGS = ['none', 'off', 'keyword'];
/** Texts embedded per model call: 16 keeps onnxruntime's padding waste low on 2 cores without starving it. */
export const DEFAULT_EMBED_BATCH_SIZE = 16;

/** Does this EMBEDDING_MODEL value ask for keyword-only search? */
export function isKeywordOnlySetting(model: string): boolean {
  return model.trim() === '' || KEYWORD_ONLY_SETTINGS.includes(model.trim().toLowerCase());
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const r = new Reader(env);
  const resolve = (p: string) => path.resolve(cwd, p);

  const modelSetting = r.str('EMBEDDING_MODEL', DEFAULT_MODEL);
  const embeddingModel = isKeywordOnlySetting(modelSetting) ? null : modelSetting;

  const logLevel = r.str('LOG_LEVEL', 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    r.problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)}: expected one of ${LOG_LEVELS.join(', ')}`);
  }

  const botToken = r.optStr('BOT_TOKEN');
  if (botToken !== null && !/^\d+:[\w-]{20,}$/.test(botToken)) {
    // Never echo the token itself: it is a secret.
    r.problems.push('BOT_TOKEN does not look like a token from @BotFather (digits, a colon, then the secret)');
  }

  const modelsDir = r.optStr('MODELS_DIR');
  const config: Config = {
    corpusDir: resolve(r.str('CORPUS_DIR', 'corpus')),
    indexDir: resolve(r.str('INDEX_DIR', 'embeddings')),
    embeddingModel,
    modelsDir: modelsDir === null ? null : resolve(modelsDir),
    modelsCacheDir: resolve(r.str('MODELS_CACHE_DIR', '.cache/models')),
    embedBatchSize: r.num('EMBED_BATCH_SIZE', DEFAULT_EMBED_BATCH_SIZE, 1, 512, true),

    topK: r.num('TOP_K', 3, 1, MAX_TOP_K, true),
    maxPerArticle: r.num('MAX_PER_ARTICLE', 3, 1, 20, true),
    keywordWeight: r.num('FUSION_KEYWORD_WEIGHT', 1, 0, 10),
    vectorWeight: r.raw('FUSION_VECTOR_WEIGHT') === undefined ? null : r.num('FUSION_VECTOR_WEIGHT', 0, 0, 10),
    answerThreshold: r.num('ANSWER_THRESHOLD', 0.4, 0, 1),
    maxQuestionChars: r.num('MAX_QUESTION_CHARS', 500, 20, 4000, true),

    botToken,
    telegramApiRoot: r.url('TELEGRAM_API_ROOT'),
    webhookUrl: r.url('WEBHOOK_URL'),
    webhookPort: r.num('WEBHOOK_PORT', 8080, 1, 65535, true),
    webhookSecret: r.optStr('WEBHOOK_SECRET'),
    healthPort: r.raw('HEALTH_PORT') === undefined ? null : r.num('HEALTH_PORT', 0, 1, 65535, true),
    healthHost: r.str('HEALTH_HOST', '127.0.0.1'),
    allowedUserIds: r.ids('ALLOWED_USER_IDS'),
    allowedChatIds: r.ids('ALLOWED_CHAT_IDS'),
    adminUserIds: r.ids('ADMIN_USER_IDS') ?? new Set(),
    rateLimitPerMinute: r.num('RATE_LIMIT_PER_MINUTE', 20, 0, 10_000, true),
    watchIndex: r.bool('WATCH_INDEX', true),
    watchCorpus: r.bool('WATCH_CORPUS', false),
    contextMinutes: r.num('CONTEXT_MINUTES', 15, 0, 24 * 60),
    storePath: ['', 'none', 'memory'].includes(r.str('STORE_PATH', 'data/store.sqlite').trim().toLowerCase()) ? null : resolve(r.str('STORE_PATH', 'data/store.sqlite')),
    storeKeepDays: r.num('STORE_KEEP_DAYS', 180, 0, 100 * 365),
    logLevel: logLevel as Config['logLevel'],
    logFile: logFileSettings(r, resolve),
    warnings: settingWarnings(env),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

/**
 * The project folder, from the URL of a module `depth` folders below it; its compiled copy runs from
 * dist/ one folder deeper (see scripts/run.mjs). Where scripts and the launcher are found.
 */
export function projectRoot(moduleUrl: string, depth: number): string {
  const root = path.resolve(path.dirname(fileURLToPath(moduleUrl)), ...Array<string>(depth).fill('..'));
  return path.basename(root) === 'dist' ? path.dirname(root) : root;
}

/** `node` arguments that run a TypeScript entry point of the project: its compiled copy when fresh, else through tsx. */
export function entryArgs(root: string, entry: string): string[] {
  return [path.join(root, 'scripts/run.mjs'), path.join(root, entry)];
}
