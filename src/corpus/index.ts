export type { Article, ArticleDate, Block, BlockKind, CorpusProblem, CorpusReadResult } from './types.js';
export {
  readCorpus,
  parseArticle,
  articleId,
  decodeArticleBytes,
  ArticleError,
  DEFAULT_MAX_FILE_BYTES,
  ARTICLE_EXTENSIONS,
  type ReadCorpusOptions,
} from './read.js';
export {
  cleanArticleText,
  layoutBlocks,
  normalizeSource,
  normalizeInline,
  type CleanBlock,
  type CleanResult,
  type CleanOptions,
} from './clean.js';
export {
  parseDate,
  parseByline,
  titleFromLead,
  extractMetadata,
  type ArticleMetadata,
  type Byline,
} from './metadata.js';
export { parseFrontMatter, type FrontMatter, type FrontMatterFields } from './frontmatter.js';
