// Which stored form of a page a client gets, from its Accept-Encoding (RFC 9110 §12.5.3): brotli,
// then gzip, then the plain bytes. A coding with q=0 is refused, `*` stands for every coding not
// named, and a header that does not parse counts as absent, so garbage never gets a compressed
// body a client cannot read.

export type ContentCoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];
const ELEMENT = /^([a-z0-9!#$%&'*+.^_`|~-]+)\s*(?:;\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/i;
const MAX_HEADER = 512;

/** The coding to answer with; `undefined` when the client refuses every one we have (a 406 would do). */
export function chooseContentCoding(header: string | undefined): ContentCoding | undefined {
  if (header === undefined || header.length > MAX_HEADER) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const element = part.trim();
    if (element === '') continue;
    const match = ELEMENT.exec(element);
    if (!match) return 'identity';
    const coding = match[1]!.toLowerCase();
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, match[2] === undefined ? 1 : Number(match[2]));
  }
  const star = weights.get('*');
  const weightOf = (coding: ContentCoding): number => {
    const named = weights.get(coding);
    if (named !== undefined) return named;
    if (star !== undefined) return star;
    // Identity is acceptable unless refused by name or by `*;q=0`.
    return coding === 'identity' ? 1 : 0;
  };
  let best: ContentCoding | undefined;
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
