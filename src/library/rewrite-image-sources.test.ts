import { describe, expect, it } from 'vitest';
import { listImageSources, mapImageSources } from './map-image-sources';
import { offlineImageSources, resolveSavedImages, rewriteImageSources, savedImageKey } from './rewrite-image-sources';

const keys: Record<string, string> = {
  'https://cdn.example.com/a.jpg': 'a',
  'https://cdn.example.com/a-2x.jpg': 'a2',
  'https://cdn.example.com/b.png?w=640&h=480': 'b',
};
const byKey = (url: string) => keys[url] ?? null;

describe('rewriteImageSources', () => {
  it('rewrites img src to qari-image:<key> and leaves the rest of the tag alone', () => {
    const html = '<p>Before</p><img class="wide" src="https://cdn.example.com/a.jpg" alt="A &amp; B"><p>After</p>';
    expect(rewriteImageSources(html, byKey)).toBe(
      '<p>Before</p><img class="wide" src="qari-image:a" alt="A &amp; B"><p>After</p>',
    );
  });

  it('decodes entities in the URL before mapping', () => {
    const html = '<img src="https://cdn.example.com/b.png?w=640&amp;h=480">';
    expect(rewriteImageSources(html, byKey)).toBe('<img src="qari-image:b">');
  });

  it('rewrites srcset candidates, keeping descriptors, and drops candidates with no key', () => {
    const html =
      '<img src="https://cdn.example.com/a.jpg" srcset="https://cdn.example.com/a.jpg 1x, https://cdn.example.com/a-2x.jpg 2x, https://cdn.example.com/a-3x.jpg 3x">';
    expect(rewriteImageSources(html, byKey)).toBe(
      '<img src="qari-image:a" srcset="qari-image:a 1x, qari-image:a2 2x">',
    );
  });

  it('removes a srcset none of whose candidates is stored, and rewrites <picture><source>', () => {
    const html =
      '<picture><source srcset="https://cdn.example.com/a.webp 1x" type="image/webp"><source srcset="https://cdn.example.com/a-2x.jpg 2x"><img src="https://cdn.example.com/a.jpg" srcset="https://cdn.example.com/x.jpg 800w" sizes="100vw"></picture>';
    expect(rewriteImageSources(html, byKey)).toBe(
      '<picture><source type="image/webp"><source srcset="qari-image:a2 2x"><img src="qari-image:a" sizes="100vw"></picture>',
    );
  });

  it('handles single-quoted, unquoted and self-closing forms', () => {
    expect(rewriteImageSources("<img src='https://cdn.example.com/a.jpg'/>", byKey)).toBe('<img src="qari-image:a"/>');
    expect(rewriteImageSources('<IMG SRC=https://cdn.example.com/a.jpg>', byKey)).toBe('<IMG SRC="qari-image:a">');
  });

  it('leaves unmapped srcs, data: URLs, other tags, attribute text and comments untouched', () => {
    const html =
      '<img src="https://other.example/x.jpg"><img src="data:image/png;base64,AAAA">' +
      '<a title="<img src=https://cdn.example.com/a.jpg>" href="https://cdn.example.com/a.jpg">link</a>' +
      '<!-- <img src="https://cdn.example.com/a.jpg"> --><div data-src="https://cdn.example.com/a.jpg"></div>';
    expect(rewriteImageSources(html, byKey)).toBe(html);
  });

  it('rewrites protocol-relative URLs and several images', () => {
    const html = '<img src="//cdn.example.com/a.jpg"><img src="https://cdn.example.com/a-2x.jpg">';
    expect(rewriteImageSources(html, (url) => (url.startsWith('//') ? 'p' : byKey(url)))).toBe(
      '<img src="qari-image:p"><img src="qari-image:a2">',
    );
  });
});

describe('listImageSources', () => {
  it('lists the network src of every image once, in order, decoded', () => {
    const html =
      '<img src="https://cdn.example.com/b.png?w=640&amp;h=480"><img src="data:image/gif;base64,R0"><img src="https://cdn.example.com/a.jpg" srcset="https://cdn.example.com/a-2x.jpg 2x"><img src="https://cdn.example.com/b.png?w=640&amp;h=480">';
    expect(listImageSources(html)).toEqual([
      'https://cdn.example.com/b.png?w=640&h=480',
      'https://cdn.example.com/a.jpg',
    ]);
  });
});

describe('resolveSavedImages', () => {
  it('turns qari-image:<key> into the URL the reader gives, in src and srcset', () => {
    const saved = '<img src="qari-image:a" srcset="qari-image:a 1x, qari-image:a2 2x"><img src="qari-image:gone">';
    const urls: Record<string, string> = { a: 'blob:chrome-extension://x/1', a2: 'blob:chrome-extension://x/2' };
    expect(resolveSavedImages(saved, (key) => urls[key] ?? null)).toBe(
      '<img src="blob:chrome-extension://x/1" srcset="blob:chrome-extension://x/1 1x, blob:chrome-extension://x/2 2x"><img src="qari-image:gone">',
    );
    expect(savedImageKey('qari-image:a2')).toBe('a2');
    expect(savedImageKey('https://x')).toBeNull();
  });

  it('mapImageSources passes which attribute a URL is in', () => {
    const seen: string[] = [];
    mapImageSources('<img src="https://a/1" srcset="https://a/2 2x">', (url, attribute) => {
      seen.push(`${attribute}:${url}`);
      return url;
    });
    expect(seen).toEqual(['src:https://a/1', 'srcset:https://a/2']);
  });
});

describe('offlineImageSources', () => {
  it('keeps stored, blob: and raster data: images and drops every other image URL, src and srcset alike', () => {
    const html =
      '<img src="qari-image:a" srcset="qari-image:a 1x, https://cdn.example.com/a-2x.jpg 2x">' +
      '<img src="https://tracker.example/p.gif"><img src="//tracker.example/q.gif"><img src="/relative.png">' +
      '<img src="blob:chrome-extension://x/1"><img src="data:image/png;base64,AAAA">' +
      '<img src="data:image/svg+xml,%3Csvg%3E"><picture><source srcset="https://tracker.example/s.webp"></picture>';
    expect(offlineImageSources(html)).toBe(
      '<img src="qari-image:a" srcset="qari-image:a 1x">' +
        '<img src=""><img src=""><img src="">' +
        '<img src="blob:chrome-extension://x/1"><img src="data:image/png;base64,AAAA">' +
        '<img src=""><picture><source></picture>',
    );
  });
});
