/**
 * Terminal progress of long work (embedding a large corpus): a cli-progress bar with the rate and the
 * time left on a TTY; on anything else (CI logs, pipes, journald) a plain line every tenth of the way,
 * with the same numbers. Always on stderr, so `--json` output on stdout stays clean.
 *
 *   const tick = progressBar('Embedding');
 *   tick(done, total);   // as often as you like; the display throttles itself
 */
import cliProgress from 'cli-progress';
import { localizeLine, note, operatorLang, operatorText, type OperatorLang } from '../text/operator.js';

/** Redraws per second of the TTY bar: smooth enough to read, cheap next to the work it measures. */
const TTY_FPS = 5;
/** Recent updates the bar's time-left estimate averages over (cli-progress' etaBuffer): steadier than the last one. */
const ETA_WINDOW = 50;

const UNITS: Record<OperatorLang, { perSecond: string; left: (t: string) => string; unknown: string; s: string; min: string; h: string }> = {
  vi: { perSecond: '/giây', left: (t) => `còn khoảng ${t}`, unknown: 'đang ước lượng', s: 'giây', min: 'phút', h: 'giờ' },
  en: { perSecond: '/s', left: (t) => `about ${t} left`, unknown: 'estimating', s: 's', min: 'min', h: 'h' },
};

/** "45 s", "3 min 05 s", "1 h 20 min" (Vietnamese: "45 giây", "3 phút 05 giây"). */
export function formatDuration(seconds: number, lang: OperatorLang): string {
  const u = UNITS[lang];
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} ${u.s}`;
  if (s < 3600) return `${Math.floor(s / 60)} ${u.min} ${String(s % 60).padStart(2, '0')} ${u.s}`;
  return `${Math.floor(s / 3600)} ${u.h} ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} ${u.min}`;
}

/** A rate with one decimal below 10 ("3.5", Vietnamese "3,5"), whole above. */
function formatRate(perSecond: number, lang: OperatorLang): string {
  const text = perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond));
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  lang?: OperatorLang;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
  /** What is counted, when it is not items: '%' shows "40/100%" and a rate in %/s. */
  unit?: '%';
}

export function progressBar(label: string, opts: ProgressOptions = {}): (done: number, total: number) => void {
  const stream = opts.stream ?? process.stderr;
  const lang = opts.lang ?? operatorLang();
  const now = opts.now ?? Date.now;
  const u = { ...UNITS[lang], ...(opts.unit === '%' ? { perSecond: `%${UNITS[lang].perSecond}` } : {}) };
  let started = -1;
  let lastTenth = -1;
  let bar: cliProgress.SingleBar | null = null;
  let finished = false;

  const rateOf = (done: number) => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? done / seconds : 0;
  };

  return (done, total) => {
    if (total <= 0 || finished) return;
    if (started < 0) started = now();
    const value = Math.min(done, total);
    const rate = rateOf(value);
    if (stream.isTTY) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}${u.perSecond} | ${u.left('{eta_formatted}')}`,
            fps: TTY_FPS,
            etaBuffer: ETA_WINDOW,
            hideCursor: true,
            barsize: 30,
            formatTime: (t: number) => (Number.isFinite(t) ? formatDuration(t, lang) : u.unknown),
          },
          cliProgress.Presets.legacy,
        );
        bar.start(total, 0, { rate: '…' });
      }
      bar.update(value, { rate: formatRate(rate, lang) });
      if (value >= total) {
        bar.stop();
        finished = true;
      }
      return;
    }
    const tenth = Math.floor((value / total) * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    const left = rate > 0 && value > 0 ? u.left(formatDuration((total - value) / rate, lang)) : u.unknown;
    const pct = Math.floor((value / total) * 100);
    stream.write(`${label}: ${value}/${total} (${pct}%)${value > 0 ? `, ${formatRate(rate, lang)}${u.perSecond}` : ''}${value < total ? `, ${left}` : ''}\n`);
    if (value >= total) finished = true;
  };
}

/** The build's note on a model file being downloaded (src/index/build.ts writes one every tenth). */
const DOWNLOADING = /^Downloading (.+): (\d+)%$/;

/**
 * The build's `log` for a terminal: its lines in the operator's language (localizeLine), except the model
 * download notes, which become a progress bar per file with the rate and the time left (transformers.js
 * reports each file's percentage; the build passes it on every tenth).
 */
export function buildLog(write: (line: string) => void, opts: ProgressOptions = {}): (line: string) => void {
  const lang = opts.lang ?? operatorLang();
  const bars = new Map<string, (done: number, total: number) => void>();
  return (line) => {
    const m = DOWNLOADING.exec(line);
    if (!m) {
      write(localizeLine(line, lang));
      return;
    }
    const file = m[1]!;
    let bar = bars.get(file);
    if (!bar) {
      bar = progressBar(operatorText(note('downloadLabel', { file }), lang), { ...opts, lang, unit: '%' });
      bar(0, 100);
      bars.set(file, bar);
    }
    bar(Number(m[2]), 100);
  };
}
