/** How well paragraphs extracted from a PDF, DOCX or HTML file agree with the .txt they were made from. */
export interface ExtractionAgreement {
  /** Source paragraphs found verbatim (after whitespace normalisation) among the extracted ones. */
  matched: number;
  sourceParagraphs: number;
  extractedParagraphs: number;
  /** Character error rate: edit distance between all source text and all extracted text, over source length. */
  cer: number;
  /** Source paragraphs with no equal extracted paragraph, with the extracted paragraph closest to each. */
  mismatches: { source: string; closest: string }[];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Compares extracted paragraphs with the source's, paragraph by paragraph (as sets, so an extra or missing
 * paragraph costs only itself) and character by character over the whole text.
 * @example compareParagraphs(['Ciao.', 'Due.'], ['Ciao.']).matched // 1
 */
export function compareParagraphs(source: readonly string[], extracted: readonly string[]): ExtractionAgreement {
  const wanted = source.map(normalize);
  const got = extracted.map(normalize);
  const available = new Map<string, number>();
  for (const text of got) available.set(text, (available.get(text) ?? 0) + 1);
  const mismatches: ExtractionAgreement['mismatches'] = [];
  let matched = 0;
  for (const text of wanted) {
    const left = available.get(text) ?? 0;
    if (left > 0) {
      matched += 1;
      available.set(text, left - 1);
    } else {
      mismatches.push({ source: text, closest: closestTo(text, got) });
    }
  }
  const all = wanted.join('\n');
  return { matched, sourceParagraphs: wanted.length, extractedParagraphs: got.length, cer: editDistance(all, got.join('\n')) / Math.max(1, all.length), mismatches };
}

function closestTo(text: string, candidates: readonly string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - text.length) >= bestDistance) continue;
    const distance = editDistance(text, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance over UTF-16 code units, two rows of memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
