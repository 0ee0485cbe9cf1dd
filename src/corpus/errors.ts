/** Why a file cannot be read as an article; `message` is one line for the user. */
export class ArticleError extends Error {
  override readonly name = 'ArticleError';
}
