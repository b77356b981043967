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

it('reads the bytes of a UTF-8 page that names no charset as UTF-8, as a link save does (WCXB dev 0564)', () => {
  const paragraph = `<p>We weren’t ready for the exception — so we didn’t catch it, and the café’s till stayed shut. ${'More words of the story follow here. '.repeat(8)}</p>`;
  const page = `<!doctype html><html><head><title>Except</title></head><body><article><h1>Except</h1>${paragraph.repeat(4)}</article></body></html>`;
  const result = extractHtml(new TextEncoder().encode(page), 'https://blog.example/except');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.article.textContent).toContain(
    'We weren’t ready for the exception — so we didn’t catch it, and the café’s',
  );
  expect(result.article.textContent).not.toContain('â€');
  // Bytes that are not UTF-8 stay windows-1252, a browser's default for an unlabelled page.
  const latin = Uint8Array.from(page.replace(/[’—]/g, "'"), (c) => c.charCodeAt(0));
  const old = extractHtml(latin, 'https://blog.example/except');
  expect(old.ok && old.article.textContent).toContain('the café');
});
