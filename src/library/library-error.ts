import { QariError } from '../qari-error';

/**
 * What went wrong in the saved-articles library. ErrorCode (src/qari-error.ts) is shared by every surface
 * and has no library codes, so a LibraryError travels as code 'internal' with a message written for the
 * reader; `kind` is for code on this side of the message protocol (the protocol only carries message + code).
 */
export type LibraryErrorKind = 'storage-full' | 'corrupt-import' | 'foreign-import' | 'not-found';

export const STORAGE_FULL_MESSAGE =
  "Your browser's storage for Qari is full. Nothing was saved; free space by deleting or exporting saved articles.";

export const NOT_FOUND_MESSAGE = 'This article is no longer in your library.';

export class LibraryError extends QariError {
  constructor(
    readonly kind: LibraryErrorKind,
    message: string,
  ) {
    super(message, 'internal');
    this.name = 'LibraryError';
  }
}
