import { describe, expect, it } from 'vitest';
import { articleIdFor } from './article-id-for';
import { imageKeyFor, IMAGE_KEY_PATTERN } from './image-key-for';
import { normalizeUrl } from './normalize-url';

describe('normalizeUrl', () => {
  it('drops the fragment and tracking parameters, lowercases the host', () => {
    expect(
      normalizeUrl('https://WWW.Example.COM/ar/news/123?utm_source=x&utm_medium=social&id=7&fbclid=abc&gclid=z#top'),
    ).toBe('https://www.example.com/ar/news/123?id=7');
    expect(normalizeUrl('https://example.com/a?utm_campaign=spring')).toBe('https://example.com/a');
  });

  it('keeps other parameters in their order, and paths as they are', () => {
    expect(normalizeUrl('https://example.com/Story?p=12&lang=ar')).toBe('https://example.com/Story?p=12&lang=ar');
  });

  it('leaves something that is not a URL as it is (trimmed)', () => {
    expect(normalizeUrl(' not a url ')).toBe('not a url');
  });
});

describe('articleIdFor', () => {
  it('is the same for every form of one URL, and differs between articles', () => {
    const id = articleIdFor('https://example.com/news/1');
    expect(id).toMatch(/^[0-9a-f]{28}$/);
    expect(articleIdFor('https://EXAMPLE.com/news/1?utm_source=t#c')).toBe(id);
    expect(articleIdFor('https://example.com/news/2')).not.toBe(id);
  });
});

describe('imageKeyFor', () => {
  it('makes keys that are safe in file names and URLs', () => {
    const key = imageKeyFor('https://cdn.example.com/a b/ç.jpg?w=1,2');
    expect(key).toMatch(IMAGE_KEY_PATTERN);
    expect(imageKeyFor('https://cdn.example.com/a b/ç.jpg?w=1,2')).toBe(key);
  });
});
