import { typographyCss } from '../../core/content/typesetting.ts';

/**
 * Adopts the per-language typography (fonts, Chinese phrase breaks) written from the language
 * record, after the bundled CSS. A constructed style sheet, because the kiosk's CSP allows no
 * inline `<style>`.
 */
export function adoptLanguageStyles(doc: Document = document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(typographyCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
