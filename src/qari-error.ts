/** Why something failed, in a form the UI turns into plain words. */
export type ErrorCode = 'restricted' | 'not-article' | 'no-access' | 'tab-gone' | 'internal';

/** An error whose message is written for the reader; it crosses the message protocol with its code. */
export class QariError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'internal',
  ) {
    super(message);
    this.name = 'QariError';
  }
}
