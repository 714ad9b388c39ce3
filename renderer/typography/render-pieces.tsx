import { Fragment, type ReactNode } from 'react';
import type { Piece } from '../../core/content/typesetting.ts';

/**
 * Prepared text as elements: kept pieces in a `typeset-keep` span (no line breaks inside),
 * break opportunities as <wbr>. Nothing is added to the text itself, so its accessible name
 * and textContent stay what the content package says.
 */
export function renderPieces(pieces: readonly Piece[]): ReactNode {
  if (pieces.length === 1 && pieces[0]!.kind === 'text') return pieces[0]!.text;
  return pieces.map((piece, i) => {
    if (piece.kind === 'break') return <wbr key={i} />;
    if (piece.kind === 'keep')
      return (
        <span key={i} className="typeset-keep">
          {piece.text}
        </span>
      );
    return <Fragment key={i}>{piece.text}</Fragment>;
  });
}
