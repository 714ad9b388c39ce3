/**
 * Parsing JSON that came from a stick. A document nested thousands of levels deep makes any
 * recursive reader (the schema check, the glTF validator, a later JSON.stringify) overflow its
 * stack, so the nesting is counted in one flat pass before a parser sees the text.
 */
import { englishProblem, type ContentProblem } from './problem-codes.ts';

/** Deepest nesting of arrays and objects any package JSON may have (exhibit.json needs about ten). */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `text`, counting only brackets outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}

/** The parsed value, or why the text cannot be taken (in words staff can act on). */
export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string; issue: ContentProblem };

const refused = (issue: ContentProblem): JsonResult => ({ ok: false, message: englishProblem(issue), issue });

/** Parses `text` when it is valid JSON nested at most `maxDepth` levels. */
export function parseJsonBounded(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  if (jsonDepth(text, maxDepth) > maxDepth) return refused({ code: 'json-too-deep', maximum: maxDepth });
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return refused({ code: 'not-json', detail: (error as Error).message });
  }
}
