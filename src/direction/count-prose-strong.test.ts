// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countProseStrong } from './count-prose-strong';

describe('countProseStrong', () => {
  it.each([
    ['للمزيد زوروا https://www.example.com/news/2024/long-article-slug', 11, 0],
    ['راسلونا على info.desk@example.org اليوم', 15, 0],
    ['see www.example.com now', 0, 6],
    ['a @ sign alone', 0, 10],
    ['مرحبا Hello', 5, 5],
  ])('%j → rtl %i, ltr %i', (text, rtl, ltr) => {
    expect(countProseStrong(text)).toEqual({ rtl, ltr });
  });
});
