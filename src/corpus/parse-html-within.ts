/** Parsing HTML into a DOM with bounds on element count and nesting, which also keeps htmlparser2 linear. */
import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { checkLimit, type ReaderLimits } from './reader-limits.js';

/**
 * Counts elements and open-element depth while the DOM is built, and stops at READER_MAX_DOM_ELEMENTS or
 * READER_MAX_DOM_DEPTH. Bounding depth matters for time too: htmlparser2 keeps its open elements in an array it
 * shifts, so a page of a million unclosed tags costs time quadratic in their number.
 * @throws ReaderLimitError when a bound is passed.
 * @example parseHtmlWithin('<p>Ciao</p>', DEFAULT_READER_LIMITS).children
 */
export function parseHtmlWithin(html: string, limits: ReaderLimits, options: { decodeEntities?: boolean } = {}): Document {
  const handler = new BoundedHandler(limits);
  new Parser(handler, options).end(html);
  return handler.root;
}

class BoundedHandler extends DomHandler {
  private depth = 0;
  private elements = 0;
  constructor(private readonly limits: ReaderLimits) {
    super();
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth += 1;
    this.elements += 1;
    checkLimit(this.limits, 'domDepth', this.depth, 'nested elements');
    checkLimit(this.limits, 'domElements', this.elements, 'elements');
    super.onopentag(name, attribs);
  }
  override onclosetag(): void {
    this.depth -= 1;
    super.onclosetag();
  }
}
