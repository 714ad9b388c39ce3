/**
 * Byte ranges (RFC 9110 §14): a film is read by parts, and Chromium seeks in a film only when
 * its host answers a `Range` request with the part asked for (206). Both hosts answer through
 * here. One range per request, as media elements ask; a request for several, or one that does
 * not parse, is answered with the whole file, as the RFC allows.
 *
 * Runs in Node and in the browser.
 */

/** The bytes `start` to `end` (both included) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The part of a file of `size` bytes that a `Range` header asks for; `unsatisfiable` when it
 * starts past the end (a 416); undefined when the whole file is to be sent.
 */
export function byteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}
