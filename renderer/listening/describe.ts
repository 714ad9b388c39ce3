/**
 * What listening mode says of the element under a visitor's finger: what it is (a button, a
 * heading, a picture, a slider) and its words, in the language each is shown in; or, for the
 * text of a panel, a slide or a 3D card with a recording, that recording.
 */
import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../core/content/languages.ts';

/** One stretch of speech, in the language its words are written in. */
export interface SpokenPart {
  text: string;
  language: Language;
}

export interface Spoken {
  /** The element spoken of (outlined while it is spoken). */
  element: HTMLElement;
  /** What a double tap activates: the control the finger is on, or the element itself. */
  control: HTMLElement | null;
  parts: SpokenPart[];
  /** The "listen" button of the recorded narration that speaks this text better than a voice would. */
  narration: HTMLButtonElement | null;
}

const CONTROL = 'button, a[href], [role="button"], [role="slider"], [role="tab"], [role="switch"], input, select';
const TEXT = 'h1, h2, h3, h4, p, li, blockquote, figcaption, dt, dd, td, th, img[alt]:not([alt=""])';
/** Where a recorded narration speaks for the text around it. */
const NARRATED = '[data-panel], [data-slide], .model-info';

const words = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function languageOf(element: Element, fallback: Language): Language {
  const tag = element.closest('[lang]')?.getAttribute('lang');
  return (LANGUAGES as readonly string[]).includes(tag ?? '') ? (tag as Language) : fallback;
}

/** The accessible name of a control: its label, else its words. */
function nameOf(control: HTMLElement): { text: string; from: Element } {
  const label = control.getAttribute('aria-label');
  if (label) return { text: words(label), from: control };
  const labelledBy = control.getAttribute('aria-labelledby');
  const labelling = labelledBy ? document.getElementById(labelledBy) : null;
  if (labelling) return { text: words(labelling.innerText || labelling.textContent), from: labelling };
  return { text: words(control.innerText || control.textContent), from: control };
}

/** What the finger at `target` is on, and what to say of it; null where there is nothing to say. */
export function describe(target: Element, t: TFunction, language: Language): Spoken | null {
  const control = target.closest<HTMLElement>(CONTROL);
  if (control) {
    const name = nameOf(control);
    const state = [
      control.getAttribute('aria-pressed') === 'true' || control.getAttribute('aria-checked') === 'true' ? t('listening.state.on') : '',
      control.getAttribute('aria-expanded') === 'true' ? t('listening.state.open') : '',
      control.hasAttribute('disabled') || control.getAttribute('aria-disabled') === 'true' ? t('listening.state.unavailable') : '',
    ].filter(Boolean);
    const slider = control.getAttribute('role') === 'slider';
    const kind = slider ? t('listening.slider') : control.matches('a[href]') ? t('listening.link') : t('listening.button');
    const value = slider ? words(control.getAttribute('aria-valuetext') ?? control.getAttribute('aria-valuenow')) : '';
    const parts: SpokenPart[] = [{ text: kind, language }];
    if (name.text) parts.push({ text: name.text, language: languageOf(name.from, language) });
    for (const more of [value, ...state]) if (more) parts.push({ text: more, language });
    return { element: control, control, parts, narration: null };
  }
  const text = target.closest<HTMLElement>(TEXT);
  if (!text) return null;
  const holder = text.closest(NARRATED);
  const narration = holder?.querySelector<HTMLButtonElement>('.narration-button') ?? null;
  const picture = text instanceof HTMLImageElement;
  const said = words(picture ? text.alt : text.innerText || text.textContent);
  if (!said && !narration) return null;
  const kind = picture ? t('listening.picture') : /^H[1-4]$/.test(text.tagName) ? t('listening.heading') : '';
  const parts: SpokenPart[] = [];
  if (kind) parts.push({ text: kind, language });
  if (said) parts.push({ text: said, language: languageOf(text, language) });
  return { element: text, control: null, parts, narration };
}
