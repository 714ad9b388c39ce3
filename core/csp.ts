/**
 * The Content Security Policy both hosts send: nothing from outside the app, no eval, no
 * inline script.
 */

/**
 * The policy for a page whose own origin serves the renderer, and `contentOrigin` (when it is
 * another origin, as `app://content` is under Electron) serves the exhibit's files.
 */
export function kioskCsp(contentOrigin?: string): string {
  const self = contentOrigin ? `'self' ${contentOrigin}` : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${self} data: blob:`,
    "font-src 'self'",
    `media-src ${self} blob:`,
    `connect-src ${self} data: blob:`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
