/** A coder's initials on their colour: how a coder is recognised in lists and tables. */
import type { CoderProfile } from '../../domain/model';

export function CoderBadge({ coder }: { coder: CoderProfile }) {
  return (
    <span className="coder-badge" aria-hidden="true" style={{ borderColor: coder.colour }}>
      <span className="coder-swatch" style={{ background: coder.colour }} />
      {coder.initials}
    </span>
  );
}
