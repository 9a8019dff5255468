/** Names the codes under the pointer, so overlapping highlights can be told apart. */
import type { Code } from '../../domain/model';
import { themeColour } from '../../domain/palette';

interface Props {
  at: { x: number; y: number } | null;
  codes: readonly Code[];
}

export function HoverTooltip({ at, codes }: Props) {
  if (!at || codes.length === 0) return null;
  return (
    <div role="tooltip" className="hover-tooltip" style={{ left: at.x + 14, top: at.y + 18 }}>
      {codes.map((c) => (
        <span key={c.id} className="chip">
          <span className="swatch" style={{ background: themeColour(c.colour) }} aria-hidden="true" />
          {c.name}
        </span>
      ))}
    </div>
  );
}
