// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { qaThread } from './qa-thread';

const post = (type: string, body: string, extra = '') =>
  `<div itemscope itemtype="https://schema.org/${type}"${extra}><div class="votes">12</div>` +
  `<div itemprop="text"><p>${body}</p></div><div class="user-card">asked by someone</div></div>`;

function doc(html: string): Document {
  return new JSDOM(`<body>${html}</body>`).window.document;
}

describe('qaThread', () => {
  it('collects the question and every answer body in page order, without votes or user cards', () => {
    const d = doc(
      `<div itemscope itemtype="https://schema.org/QAPage"><h1>Why is my insert slow?</h1>` +
        `${post('Question', 'Inserting two million rows takes an hour.')}` +
        `${post('Answer', 'Wrap the loop in one transaction.', ' itemprop="acceptedAnswer"')}` +
        `${post('Answer', 'Drop the index first, recreate it after.', ' itemprop="suggestedAnswer"')}</div>`,
    );
    const thread = qaThread(d)!;
    expect(Array.from(thread.children, (s) => s.textContent)).toEqual([
      'Inserting two million rows takes an hour.',
      'Wrap the loop in one transaction.',
      'Drop the index first, recreate it after.',
    ]);
    expect(thread.textContent).not.toMatch(/asked by|12/);
  });

  it("does not take an answer's nested comment text for its body", () => {
    const d = doc(
      `${post('Question', 'Q?')}<div itemscope itemtype="https://schema.org/Answer">` +
        `<div itemscope itemtype="https://schema.org/Comment"><div itemprop="text">a comment</div></div>` +
        `<div itemprop="text">the answer</div></div>`,
    );
    // The comment's text belongs to the Comment item, which is neither question nor answer: it is not the body.
    expect(qaThread(d)!.lastElementChild?.textContent).toBe('the answer');
  });

  it('is null for an article page, or a question with no answers', () => {
    expect(qaThread(doc('<article><p>Just an article.</p></article>'))).toBeNull();
    expect(qaThread(doc(post('Question', 'Anyone?')))).toBeNull();
  });
});
