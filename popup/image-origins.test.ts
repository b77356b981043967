import { expect, test } from 'vitest';
import { originsToRequest } from './image-origins';

test('only single-host http(s) origins of other hosts reach the permission prompt, a few at most', () => {
  const page = 'https://news.example/2024/a';
  expect(
    originsToRequest(
      [
        'https://cdn.example/*',
        'https://news.example/*',
        'https://news.example.evil.test/*',
        '<all_urls>',
        '*://*/*',
        'https://*/*',
        'https://*.example/*',
        'file:///*',
        'https://user@cdn.example/*',
        'https://cdn.example/path/*',
        'HTTPS://CDN.EXAMPLE/*',
        'http://127.0.0.1:8080/*',
        42,
      ],
      page,
    ),
  ).toEqual(['https://cdn.example/*', 'https://news.example.evil.test/*', 'http://127.0.0.1:8080/*']);
  const many = Array.from({ length: 50 }, (_, i) => `https://cdn${i}.example/*`);
  expect(originsToRequest(many, page)).toHaveLength(8);
  expect(originsToRequest(['https://cdn.example/*'], 'not a url')).toEqual([]);
});
