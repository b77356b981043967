import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article';
for (const slug of ['alsumaria-idlib-ceasefire','english-news-wire','blog-code-table','non-article-homepage']) {
  const checks = JSON.parse(readFileSync(`test/fixtures/${slug}/checks.json`,'utf8'));
  const html = readFileSync(`test/fixtures/${slug}/source.html`,'utf8');
  for (const passes of [false,true,true]) {
    let t=performance.now();
    const dom = new JSDOM(html,{url:checks.url}); const t1=performance.now()-t;
    const r = extractArticle(dom.window.document,{url:checks.url,passes});
    console.log(slug, passes, t1.toFixed(0), (performance.now()-t).toFixed(0), r.ok, r.ok? Object.keys(r.stats).join(','):r.message);
    dom.window.close();
  }
}
