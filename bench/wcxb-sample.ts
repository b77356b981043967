import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * A fixed sample of WCXB's dev split (Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0) for timing:
 * `count` article pages spread evenly over the ids, never an id divisible by 10 (that tenth is issue 10's own
 * validation set, looked at only to report). The data stays out of git: `dir` is where dev/ was unpacked.
 */
export interface CorpusPage {
  id: string;
  url: string;
  html: string;
}

export function wcxbArticleSample(dir: string, count = 100): CorpusPage[] {
  const dev = join(dir, 'dev');
  const truth = join(dev, 'ground-truth');
  if (!existsSync(truth)) throw new Error(`BENCH_CORPUS: no ${truth} (expected WCXB's dev/ split unpacked there)`);
  const articles: { id: string; url: string }[] = [];
  for (const name of readdirSync(truth).sort()) {
    const id = name.replace(/\.json$/, '');
    if (!/^\d+$/.test(id) || Number(id) % 10 === 0) continue;
    const json = JSON.parse(readFileSync(join(truth, name), 'utf8')) as {
      url?: string;
      _internal?: { page_type?: { primary?: string } };
    };
    if (json._internal?.page_type?.primary === 'article' && json.url && existsSync(join(dev, 'html', `${id}.html.gz`)))
      articles.push({ id, url: json.url });
  }
  const picked = Array.from({ length: Math.min(count, articles.length) }, (_, i) => {
    return articles[Math.floor((i * articles.length) / Math.min(count, articles.length))]!;
  });
  return picked.map(({ id, url }) => ({
    id,
    url,
    html: gunzipSync(readFileSync(join(dev, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}
