/** The formats the corpus reads, by file extension. A new format is one entry here. */
import { mdFormat, txtFormat } from './text.js';
import type { FormatReader } from './types.js';

/**
 * A format whose reader module (and its library: linkedom, mammoth, pdf.js, some 250 ms to import) is
 * loaded with its first file: a server, or a build of .txt and .md files, never loads it.
 */
function lazy(name: string, extensions: readonly string[], load: () => Promise<FormatReader>): FormatReader {
  let reader: Promise<FormatReader> | null = null;
  return { name, extensions, read: async (bytes, file) => (await (reader ??= load())).read(bytes, file) };
}

export const FORMATS: readonly FormatReader[] = [
  txtFormat,
  mdFormat,
  lazy('html', ['.html', '.htm'], async () => (await import('./html.js')).htmlFormat),
  lazy('docx', ['.docx'], async () => (await import('./docx.js')).docxFormat),
  lazy('pdf', ['.pdf'], async () => (await import('./pdf.js')).pdfFormat),
];

const byExtension = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

/** The reader for a file name, or null when no format claims its extension. */
export function formatFor(file: string): FormatReader | null {
  const m = /\.[^./\\]+$/u.exec(file);
  return m ? (byExtension.get(m[0].toLowerCase()) ?? null) : null;
}

/** Every extension some format reads, for messages ("… .txt, .md"). */
export function knownExtensions(): string[] {
  return [...byExtension.keys()];
}
