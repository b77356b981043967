// @vitest-environment node
import { expect, it } from 'vitest';
import { extractHtml } from './extract-html';

it("shows plain Readability's text in Node when Qari's passes leave nothing (the copy has no window)", () => {
  const card = (i: number) =>
    `<li><a href="/2024/05/story-${i}"><img src="/t${i}.jpg"><h3>Story number ${i} about the island</h3></a><time>14:0${i}</time></li>`;
  const html = `<html><body><main><ul>${[1, 2, 3, 4, 5, 6].map(card).join('')}</ul></main></body></html>`;
  const result = extractHtml(html, 'https://news.example/');
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.article.textContent).toContain('Story number 1');
});
