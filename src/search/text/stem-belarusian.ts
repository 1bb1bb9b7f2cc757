// A light Belarusian stemmer written for Dispatch: there is none in Snowball or in JavaScript.
// It removes one inflectional ending (case endings of nouns and adjectives, personal and past
// endings of verbs, the reflexive -ся) and keeps at least three letters of stem. It does not
// undo consonant alternations (горад → горадзе, рука → руцэ) or vowel shifts in unstressed
// syllables (горад → гарады); the word list in belarusian-words.tsv measures how often that
// matters (see its test for the hit rate). Input is normalized text (ё already folded to е).

// Longest first within the list is not required: the loop tries every length from the longest.
const ENDINGS = [
  // adjectives and participles
  'ымі', 'імі', 'ага', 'яга', 'аму', 'яму', 'ая', 'яя', 'ае', 'ое', 'яе', 'ыя', 'ія', 'ых', 'іх', 'ым', 'ім', 'ую', 'юю', 'ай', 'яй', 'ой', 'ей', 'ій', 'ы', 'і',
  // nouns
  'амі', 'ямі', 'ах', 'ях', 'ам', 'ям', 'аў', 'яў', 'оў', 'еў', 'ом', 'ем', 'ою', 'ею', 'аю', 'яю', 'ы', 'а', 'я', 'у', 'ю', 'е', 'о', 'ь',
  // verbs
  'уючы', 'аючы', 'ячы', 'ачы', 'аюць', 'яюць', 'уюць', 'юць', 'уць', 'аць', 'яць', 'ыць', 'іць', 'ець', 'ці', 'ць', 'ла', 'лі', 'ло', 'ў',
  'аеш', 'яеш', 'ееш', 'іш', 'ыш', 'еш', 'ае', 'яе', 'ее', 'аем', 'яем', 'ім', 'ым', 'аеце', 'іце', 'ыце', 'еце',
];
const BY_LENGTH = [...new Set(ENDINGS)].sort((a, b) => b.length - a.length);
const LONGEST = BY_LENGTH[0]!.length;
const ENDING_SET = new Set(BY_LENGTH);
const REFLEXIVE = ['цца', 'ся', 'ца'];
const MIN_STEM = 3;
const VOWELS = /[аеіоуыэюяё]/;
const FINAL_VOWEL = /[аеіоуыэюя]$/;
// Verb endings that follow the vowel of the verb's stem (рабі-ла, пашыры-ць, чыта-ў); after a
// consonant they are part of a noun (шко-ла is not a past tense, вобласць is not an infinitive).
const AFTER_VOWEL = new Set(['ла', 'лі', 'ло', 'ў', 'ць', 'ці']);
const PAST_VOWEL = /[аяіыеу]$/;
// Consonants that alternate before case endings (горад → горадзе, праект → праекце,
// навука → навуцы, дарога → дарозе): the stem's last consonant is written in one form.
const ALTERNATIONS: Array<[RegExp, string]> = [[/дз$/, 'д'], [/[кт]$/, 'ц'], [/г$/, 'з'], [/х$/, 'с']];

export function stemBelarusian(word: string): string {
  let stem = word;
  for (const suffix of REFLEXIVE) {
    if (stem.length - suffix.length >= MIN_STEM + 1 && stem.endsWith(suffix)) {
      // -цца is the reflexive of -ць/-ці (вучыцца ← вучыць + ся): keep the infinitive stem.
      stem = suffix === 'цца' ? stem.slice(0, -3) : stem.slice(0, -suffix.length);
      break;
    }
  }
  for (let length = Math.min(LONGEST, stem.length - MIN_STEM); length >= 1; length--) {
    const ending = stem.slice(-length);
    if (!ENDING_SET.has(ending)) continue;
    const rest = stem.slice(0, -length);
    // A stem needs a vowel: "дні" is not "дн" + "і" worth keeping apart from other words.
    if (!VOWELS.test(rest)) continue;
    if (AFTER_VOWEL.has(ending) && !PAST_VOWEL.test(rest)) continue;
    stem = rest;
    break;
  }
  // The vowel before a verb ending or a soft-stem ending (рабі-ла, кампані-я) belongs to the
  // ending too: рабіць, рабіла, рабілі all become раб.
  if (stem !== word && FINAL_VOWEL.test(stem) && stem.length > MIN_STEM && VOWELS.test(stem.slice(0, -1))) stem = stem.slice(0, -1);
  if (stem.length > MIN_STEM) for (const [pattern, replacement] of ALTERNATIONS) stem = stem.replace(pattern, replacement);
  return stem;
}
