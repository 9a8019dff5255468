import { useState, type ReactNode, type SelectHTMLAttributes } from 'react';

/** Up to this many choices a select lists them all at once; above, only the chosen one until it is used. */
export const FULL_LIST = 300;

export interface Choice {
  id: string;
  label: string;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> & {
  value: string;
  /** The chosen value, read at once (React resets the event's target before a queued action runs). */
  onChange: (value: string) => void;
  choices: readonly Choice[];
  /** Options listed before the choices, e.g. "(top level)". */
  leading: ReactNode;
};

/**
 * A select over a list that may be huge (a codebook of 20,000 codes): every option element costs
 * style and layout work at each render, so until the analyst reaches for the select it holds only
 * the chosen option. Pointer down comes before the list opens and focus before the arrow keys, so
 * the whole list is there by the time it is used; leaving the select lets it go again.
 */
export function ManyOptionsSelect({ value, onChange, choices, leading, onPointerDown, onFocus, onBlur, ...rest }: Props) {
  const [inUse, setInUse] = useState(false);
  const shown = inUse || choices.length <= FULL_LIST ? choices : choices.filter((c) => c.id === value);
  return (
    <select
      {...rest}
      value={value}
      onPointerDown={(e) => {
        setInUse(true);
        onPointerDown?.(e);
      }}
      onFocus={(e) => {
        setInUse(true);
        onFocus?.(e);
      }}
      onBlur={(e) => {
        setInUse(false);
        onBlur?.(e);
      }}
      onChange={(e) => onChange(e.target.value)}
    >
      {leading}
      {shown.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
