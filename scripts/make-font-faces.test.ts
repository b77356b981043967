import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error plain JS script
import { fontFacesCss } from './make-font-faces.mjs';

it('reader/fonts.css is what scripts/make-font-faces.mjs makes from the installed @fontsource packages', () => {
  expect(readFileSync('reader/fonts.css', 'utf8')).toBe(fontFacesCss());
});

it('every face has its own Latin beside its script, each subset limited by unicode-range', () => {
  const css = readFileSync('reader/fonts.css', 'utf8');
  for (const family of ['Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'Vazirmatn', 'Noto Nastaliq Urdu']) {
    const faces = css.split('@font-face').filter((f) => f.includes(`'${family}'`));
    expect(faces.some((f) => f.includes('-latin-400-'))).toBe(true);
    expect(faces.every((f) => f.includes('unicode-range'))).toBe(true);
  }
});
