/** The coder's name, stamped on every new segment. */
import { useProject, useServices } from '../../ui/ProjectContext';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

export function CoderField() {
  const { store } = useServices();
  const { settings } = useProject();
  const field = useDebouncedSave(settings.coder, (coder) => {
    if (coder.trim()) return store.saveSettings({ ...store.getSnapshot().settings, coder: coder.trim() });
  });
  return (
    <label className="coder-field">
      Coder
      <input value={field.draft} onChange={(e) => field.onChange(e.target.value)} onBlur={field.flush} maxLength={100} />
    </label>
  );
}
