/**
 * A modal native <dialog> labelled by its heading: showModal traps focus and makes the rest
 * of the window inert, Escape closes it, and focus goes back where it was on close.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing. */
  className?: string;
  /**
   * 'alertdialog' for a question that must be answered (a confirmation): read out with its
   * description, and left through its own answers or Escape — no × button beside the title.
   */
  role?: 'alertdialog';
  /** Id of the element that says what the dialog is about. */
  describedBy?: string;
}

export function Modal({ title, onClose, children, className, role, describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={headingId}
      aria-describedby={describedBy}
      className={`modal${className ? ` ${className}` : ''}`}
      onCancel={(e) => {
        // Escape: close through the parent so state and DOM agree.
        e.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // Closed by the browser itself (a repeated Escape); ignore the close our own cleanup caused.
        if (ref.current && !ref.current.open) onCloseRef.current();
      }}
    >
      <div className="modal-head">
        <h2 id={headingId}>{title}</h2>
        {role !== 'alertdialog' && (
          <button type="button" className="modal-close" onClick={() => onCloseRef.current()} aria-label={`Close ${title}`}>
            ×
          </button>
        )}
      </div>
      {children}
    </dialog>
  );
}
