/** The open document lives in the URL hash (#doc=<id>), so reload and Back keep it. */
import { useEffect, useState } from 'react';

function read(): string | null {
  const m = /^#doc=(.+)$/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function useHashDocument(): string | null {
  const [id, setId] = useState(read);
  useEffect(() => {
    const onHash = () => setId(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return id;
}
