// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeCaptionCredits } from './caption-credits';

function root(html: string): Element {
  return new JSDOM(`<body><div id="r">${html}</div></body>`).window.document.getElementById('r')!;
}
const IMG = '<img src="https://example.org/a.jpg">';
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('removeCaptionCredits', () => {
  it('drops a trailing "Photograph: …" credit from a figcaption', () => {
    const r = root(
      `<figure>${IMG}<figcaption>‘A chess club and a tax clinic in the same room.’ Photograph: Mark Ellison/The Courier</figcaption></figure>`,
    );
    expect(removeCaptionCredits(r)).toBe(1);
    expect(squash(r.querySelector('figcaption')?.textContent)).toBe(
      '‘A chess club and a tax clinic in the same room.’',
    );
  });

  it('drops credit elements: a Hebrew "(צילום: …)" span and a © span', () => {
    const r = root(
      `<div class="imageCredit">${IMG}<span class="caption">צוללן שותל ענף אלמוג</span><span class="credit">(צילום: אלון פרידמן)</span></div>` +
        `<figure>${IMG}<figcaption>La charpente en chêne. <span>© Ville de Saint-Aubin</span></figcaption></figure>`,
    );
    removeCaptionCredits(r);
    expect(r.textContent).not.toMatch(/צילום|©/);
    expect(r.textContent).toContain('צוללן שותל ענף אלמוג');
    expect(squash(r.querySelector('figcaption')?.textContent)).toBe('La charpente en chêne.');
  });

  it("drops BBC Arabic's image source line and caption label, keeping the caption", () => {
    const r = root(
      `<figure><div>${IMG}<p><span>صدر الصورة، </span>Getty Images</p></div>` +
        `<figcaption><span>التعليق على الصورة، </span>طيور المدن ترفع طبقة أصواتها</figcaption></figure>`,
    );
    removeCaptionCredits(r);
    expect(r.textContent).not.toContain('Getty');
    expect(squash(r.querySelector('figcaption')?.textContent)).toBe('طيور المدن ترفع طبقة أصواتها');
  });

  it('drops "(أرشيفية)" (file photo) at the end of an Arabic caption', () => {
    const r = root(`<div>${IMG}<p class="caption">مصنع للأسمنت (أرشيفية)</p></div>`);
    removeCaptionCredits(r);
    expect(squash(r.querySelector('.caption')?.textContent)).toBe('مصنع للأسمنت');
  });

  it('keeps captions and prose that only mention photographs', () => {
    const caption = 'The photograph: a harbour at dawn, taken from the ferry';
    const r = root(
      `<figure>${IMG}<figcaption>${caption}</figcaption></figure><p>Source: the council said the photo was taken in 1952.</p>`,
    );
    expect(removeCaptionCredits(r)).toBe(0);
    expect(squash(r.querySelector('figcaption')?.textContent)).toBe(caption);
    expect(r.querySelector('p')?.textContent).toContain('Source:');
  });
});

describe('removeCaptionCredits: a source label in its own span', () => {
  it('drops BBC Persian\'s "منبع تصویر" line even without a separator', () => {
    const r = root(
      `<figure>${IMG}<p><span>منبع تصویر</span>Getty Images</p><figcaption><span>توضیح تصویر،</span>ویترین کتاب‌فروشی</figcaption></figure>`,
    );
    removeCaptionCredits(r);
    expect(r.textContent).not.toContain('Getty');
    expect(squash(r.querySelector('figcaption')?.textContent)).toBe('ویترین کتاب‌فروشی');
  });
});

describe('removeCaptionCredits: elements the template names as credits', () => {
  it('drops a short image-copyright element, keeps a long one', () => {
    const long = 'Text '.repeat(30);
    const r = root(
      `<figure>${IMG}<span class="story-image-copyright">Getty Images</span><figcaption>Books</figcaption></figure>` +
        `<div class="image-copyright-notes">${long}</div>`,
    );
    removeCaptionCredits(r);
    expect(r.textContent).not.toContain('Getty');
    expect(r.textContent).toContain(long.trim());
  });

  it('drops a wire credit in its own span after the caption words, never a caption that is only a name', () => {
    const r = root(
      `<figure>${IMG}<figcaption><span>Rooftops painted white in July 2024.</span><span> Rafael Mendes/Global Desk</span></figcaption></figure>` +
        `<figure>${IMG}<figcaption><span>Rafael Mendes/Global Desk</span></figcaption></figure>`,
    );
    expect(removeCaptionCredits(r)).toBe(1);
    const captions = Array.from(r.querySelectorAll('figcaption'), (c) => squash(c.textContent));
    expect(captions).toEqual(['Rooftops painted white in July 2024.', 'Rafael Mendes/Global Desk']);
  });
});
