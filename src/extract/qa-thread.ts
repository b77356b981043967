/**
 * A question-and-answer page (Stack Exchange, Discourse, forums with schema.org QAPage markup): the content is the
 * question and every answer, not the one post Readability scores highest. The page says which blocks those are:
 * schema.org microdata `Question` / `Answer` items with an `itemprop="text"` body.
 */

const QUESTION = '[itemtype$="schema.org/Question" i]';
const ANSWER = '[itemtype$="schema.org/Answer" i]';

/** The question's and answers' bodies, cloned in page order into one element; null when the page is not a Q&A thread. */
export function qaThread(doc: Document): Element | null {
  const question = doc.querySelector(QUESTION);
  if (!question) return null;
  const bodyOf = (item: Element) =>
    // The item's own body: the nearest item around it is this one (not a comment item nested in the answer).
    Array.from(item.querySelectorAll('[itemprop="text"]')).find(
      (t) => t.parentElement?.closest('[itemscope]') === item,
    );
  const questionText = bodyOf(question);
  const answers = Array.from(doc.querySelectorAll(ANSWER))
    .map(bodyOf)
    .filter((t): t is Element => !!t);
  if (!questionText || answers.length === 0) return null;
  const thread = doc.createElement('div');
  for (const text of [questionText, ...answers]) {
    const post = doc.createElement('section');
    post.append(...Array.from(text.cloneNode(true).childNodes));
    thread.append(post);
  }
  return thread;
}
