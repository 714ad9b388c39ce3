import { useId, type ReactNode } from 'react';

/** One result card of the self-test: a region named by its title, with a status mark. */
export function Check({
  title,
  status,
  children,
  className,
}: {
  title: string;
  status: 'ok' | 'problem' | 'pending';
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={`selftest-card ${className ?? ''}`} aria-labelledby={id} data-status={status}>
      <h2 id={id}>
        <span className="selftest-mark" aria-hidden="true" />
        {title}
      </h2>
      {children}
    </section>
  );
}
