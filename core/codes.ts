/**
 * What the kiosk's coded messages share, the admin's (`core/admin/messages.ts`) and the
 * validator's (`core/content/problem-codes.ts`): a message is a `code` with named parameters,
 * each written by its kind; a table lists every code's parameters, held by the compiler to the
 * union of messages.
 *
 * Runs in Node and in the browser, with no runtime dependencies.
 */

/**
 * How the renderer writes a parameter: as given (a name, a version), as a count, as a size in
 * bytes, or as a language tag named in the staff's language (`ru` as 「俄文」).
 */
export type ParamKind = 'text' | 'count' | 'bytes' | 'language';

/** A message of a union of coded messages. */
export interface Coded {
  readonly code: string;
}

/** The parameters of the member of `M` whose code is `C`, each with its kind. */
export type ParamsOf<M extends Coded, C extends M['code']> = {
  [K in Exclude<keyof Extract<M, { code: C }>, 'code'>]: ParamKind;
};

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The codes whose listed parameters (in `Listed`, a table checked with `satisfies`) are not
 * exactly those of their member of `M`: `satisfies` lets a code without parameters take some
 * (nothing is excess to `{}`), so a table is also held to `never` of this.
 */
export type MisnamedParams<M extends Coded, Listed extends { [C in M['code']]: object }> = {
  [C in M['code']]: SameKeys<keyof Listed[C], keyof ParamsOf<M, C>> extends true ? never : C;
}[M['code']];

/** The parameters of a coded message, without its code. */
export function paramsOf(message: Coded): Record<string, string | number> {
  const { code: _code, ...params } = message as Coded & Record<string, string | number>;
  return params;
}
