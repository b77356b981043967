// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { removeCommentThreads } from './comment-threads';

const ARTICLE = [1, 2, 3, 4, 5]
  .map(
    (n) =>
      `<p>Paragraph ${n}: the council wants to turn half of the Station Road allotments into a car park for the new clinic, and plot holders are fighting it.</p>`,
  )
  .join('');
const comment = (who: string, when: string, body: string) =>
  `<div class="reaction-item"><div class="reaction-head"><span class="who">${who}</span> <span class="when">${when}</span></div>` +
  `<div class="reaction-text"><p>${body}</p></div></div>`;
const BODY = 'I have had a plot here for twenty-six years, and my husband built the shed on it. Please do not take it.';
const THREAD = `<div class="reactions">${[
  comment('Margaret Dunn', '13 May 2024, 19:44', BODY),
  comment('R. Khan', '13 May 2024, 20:02', BODY),
  comment('Tom', '13 May 2024, 20:15', BODY),
  comment('Jo Pryce', '2 hours ago', BODY),
].join('')}</div>`;

function root(html: string): Element {
  return new JSDOM(`<body><div id="r">${html}</div></body>`).window.document.getElementById('r')!;
}

describe('removeCommentThreads', () => {
  it('removes a thread of dated reader comments after the article, whatever its class names', () => {
    const r = root(`${ARTICLE}${THREAD}<a href="#add">Add your reaction</a>`);
    expect(removeCommentThreads(r)).toBe(1);
    expect(r.textContent).not.toContain('Margaret Dunn');
    expect(r.querySelectorAll('p')).toHaveLength(5);
  });

  it('removes Hebrew talkbacks in a list (number, title, author, date, text)', () => {
    const tb = (n: number) =>
      `<li class="tb-item"><span>${n}.</span><div>כותרת</div><div>יוסי</div><div>03/11/2024 08:4${n}</div><div>אני עובד במשמרות בבית חולים כבר שנים ותמיד חשבתי שזה לא הגיוני שהרכבת מפסיקה לפני חצות.</div></li>`;
    const r = root(`${ARTICLE}<ul class="tb-list">${[1, 2, 3].map(tb).join('')}</ul>`);
    expect(removeCommentThreads(r)).toBe(1);
    expect(r.querySelector('ul')).toBeNull();
  });

  it('keeps a live blog: dated entries with no article before them', () => {
    const r = root(`<p>Live: storm updates.</p>${THREAD}`);
    expect(removeCommentThreads(r)).toBe(0);
  });

  it('keeps a dated list followed by more of the article', () => {
    const r = root(`${ARTICLE}${THREAD}${ARTICLE}`);
    expect(removeCommentThreads(r)).toBe(0);
  });

  it('keeps a list of undated items (a timeline of sentences without heads)', () => {
    const items = [1, 2, 3, 4].map((n) => `<li>${BODY} Step ${n}.</li>`).join('');
    const r = root(`${ARTICLE}<ul>${items}</ul>`);
    expect(removeCommentThreads(r)).toBe(0);
  });
});
