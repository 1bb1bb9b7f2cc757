// The index terms of a text: its normalized words, each replaced by its stem. The same function
// serves the SQLite and the PostgreSQL index, so both hold the same terms.

import { wordsOf } from './normalize.ts';
import { stemWord } from './stem.ts';

export function termsOf(text: string, language: string): string[] {
  return wordsOf(text).map((word) => stemWord(word, language));
}
