/** Why a file cannot be read as an article; `message` is one line for the user. */
export class ArticleError extends Error {
  override readonly name = 'ArticleError';
}

/** The corpus folder itself is missing or is not a folder (an operator's mistake, not a file's). */
export class CorpusFolderError extends Error {
  override readonly name = 'CorpusFolderError';
  constructor(
    readonly dir: string,
    readonly reason: 'missing' | 'not-a-folder',
  ) {
    super(reason === 'missing' ? `Corpus folder not found: ${dir}` : `Corpus path is not a folder: ${dir}`);
  }
}
