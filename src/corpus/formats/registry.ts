/** The formats the corpus reads, by file extension. A new format is one entry here. */
import { docxFormat } from './docx.js';
import { htmlFormat } from './html.js';
import { pdfFormat } from './pdf.js';
import { mdFormat, txtFormat } from './text.js';
import type { FormatReader } from './types.js';

export const FORMATS: readonly FormatReader[] = [txtFormat, mdFormat, htmlFormat, docxFormat, pdfFormat];

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
