/** A set of the `hyphen` package's patterns (`hyphen/ru`, …): one module per language. */
declare module 'hyphen/*' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
