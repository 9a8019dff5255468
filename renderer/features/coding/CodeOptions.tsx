/**
 * The popup's list of codes: one option per code (swatch, name, parents' path, shortcut, and
 * its description as a hint line) and the explicit "Create …" option. Rows are memoised, so
 * moving the highlight re-renders two rows, not three hundred.
 */
import { memo, type Ref } from 'react';
import type { PopupItem } from './codeChoices';
import { CODING_KEYS } from './codingKeys';

interface Props {
  id: string;
  items: readonly PopupItem[];
  active: number;
  /** The code "." applies again. */
  lastUsedId: string | undefined;
  maxHeight: number | undefined;
  listRef: Ref<HTMLUListElement>;
  onChoose: (item: PopupItem) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

const keepSelection = (e: React.MouseEvent) => e.preventDefault();

export function CodeOptions({ id, items, active, lastUsedId, maxHeight, listRef, onChoose }: Props) {
  return (
    <ul role="listbox" id={id} aria-label="Codes" className="code-options" ref={listRef} style={{ maxHeight }}>
      {items.map((item, i) => (
        <Option key={item.kind === 'code' ? item.choice.code.id : 'create'} listId={id} index={i} item={item} selected={i === active} lastUsed={item.kind === 'code' && item.choice.code.id === lastUsedId} onChoose={onChoose} />
      ))}
    </ul>
  );
}

interface OptionProps {
  listId: string;
  index: number;
  item: PopupItem;
  selected: boolean;
  lastUsed: boolean;
  onChoose: (item: PopupItem) => void;
}

const Option = memo(function Option({ listId, index, item, selected, lastUsed, onChoose }: OptionProps) {
  const id = optionId(listId, index);
  if (item.kind === 'create') {
    return (
      <li id={id} role="option" aria-selected={selected} className="code-option create" onMouseDown={keepSelection} onClick={() => onChoose(item)}>
        <span className="create-sign" aria-hidden="true">+</span>
        Create “{item.name}”
      </li>
    );
  }
  const { code, path, parents, recent } = item.choice;
  const shortcuts = [code.shortcut ? String(code.shortcut) : null, lastUsed ? CODING_KEYS.repeat : null].filter(Boolean).join(' ');
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={path}
      aria-describedby={code.description ? `${id}-d` : undefined}
      aria-keyshortcuts={shortcuts || undefined}
      className={recent ? 'code-option recent' : 'code-option'}
      title={code.description || undefined}
      onMouseDown={keepSelection}
      onClick={() => onChoose(item)}
    >
      <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
      <span className="code-option-name">{code.name}</span>
      {parents && <span className="code-option-parents">{parents}</span>}
      {code.shortcut ? <kbd aria-hidden="true">{code.shortcut}</kbd> : null}
      {lastUsed && <kbd aria-hidden="true" title="Last used: press . in the text to apply it again">{CODING_KEYS.repeat}</kbd>}
      {code.description && (
        <span id={`${id}-d`} className="code-option-description">
          {code.description}
        </span>
      )}
    </li>
  );
});
