// A readable word-level diff: the longest common subsequence of two texts' words, reported as runs
// of kept, removed and added text. Whitespace stays attached to the word before it, so joining the
// parts of one side gives that side's text back.

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words with their trailing whitespace; leading whitespace is its own token. */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

// Texts longer than this many words on both sides are compared by a cheaper line of attack: the
// common prefix and suffix are kept and the middle is shown as removed then added. A story body is
// well below it; it bounds the table at 16 M cells.
const MAX_WORDS = 4000;

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.trimEnd() === b[start]!.trimEnd()) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.trimEnd() === b[endB - 1]!.trimEnd()) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', b.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_WORDS * MAX_WORDS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    // lengths[i][j]: the LCS of midA[i..] and midB[j..], compared without trailing whitespace.
    const n = midA.length;
    const m = midB.length;
    const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i]![j] = midA[i]!.trimEnd() === midB[j]!.trimEnd() ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i]!.trimEnd() === midB[j]!.trimEnd()) {
        push('same', midB[j]!);
        i++;
        j++;
      } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
        push('removed', midA[i++]!);
      } else {
        push('added', midB[j++]!);
      }
    }
    while (i < n) push('removed', midA[i++]!);
    while (j < m) push('added', midB[j++]!);
  }
  push('same', b.slice(endB).join(''));
  return parts;
}
