/**
 * A file format the corpus can read: its file extensions and a reader from bytes to article text.
 * Adding a format (html, docx, pdf) is one new reader in this folder and one line in registry.ts.
 */

/** Metadata a format carries in its own fields (front matter, core properties, og: tags). */
export interface FormatMeta {
  title?: string;
  /** As written: parsed by the metadata rules like a dateline. */
  date?: string;
  author?: string;
  outlet?: string;
  url?: string;
  /**
   * When the file itself was made (a Word document's dcterms:created): used only when the text gives
   * no date, since a file is often saved days after the meeting it reports.
   */
  fileDate?: string;
}

export interface ReadDocument {
  /** The article as text: one paragraph per line (blank lines allowed), as a scraped page gives it. */
  text: string;
  /** The text uses Markdown: "# Heading", "![alt](src)", "[text](url)", **bold**. */
  markdown: boolean;
  /** Fields the format itself states; they win over what the text suggests. */
  meta: FormatMeta;
  /** Things the reader noticed that the user should know. */
  warnings: string[];
  /** For paged formats (pdf): the 1-based page of each line of `text` (same length as `text.split('\n')`). */
  linePages?: number[];
}

export interface FormatReader {
  /** Short name for messages: "txt", "md", "html", "docx", "pdf". */
  name: string;
  /** Lower case, with the dot: [".txt"]. */
  extensions: readonly string[];
  /** Throws ArticleError with one clear line when the bytes are not a usable document of this format. */
  read(bytes: Uint8Array, file: string): ReadDocument | Promise<ReadDocument>;
}
