/** A USB stick, drawn rather than an emoji: the kiosk has no emoji font. */
export function UsbStickIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon admin-icon">
      <path
        d="M9 2.5h6v5H9zM7 7.5h10v11a3 3 0 0 1-3 3h-4a3 3 0 0 1-3-3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      <path d="M10.5 4.5h1M12.5 4.5h1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
