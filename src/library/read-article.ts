import { toSavedArticle } from './article-record';
import type { SavedArticle, StoredArticle, StoredBody } from './schema';

/** The two stores an article is kept in, from any transaction that has both (read, write or upgrade). */
export interface ArticleStores {
  articles: { get(id: string): Promise<StoredArticle | undefined> };
  bodies: { get(id: string): Promise<StoredBody | undefined> };
}

/** A whole article, record and body, read in the caller's transaction; undefined when there is none. */
export async function readArticle(stores: ArticleStores, id: string): Promise<SavedArticle | undefined> {
  const [stored, body] = await Promise.all([stores.articles.get(id), stores.bodies.get(id)]);
  return stored ? toSavedArticle(stored, body) : undefined;
}
