/**
 * The native IndexedDB version of a database, read WITHOUT opening it at a version: Dexie opens
 * at this build's version and may upgrade (add a missing index, bump the version) before we can
 * see that a newer build wrote the database. Asking first lets openProject refuse it untouched.
 */

/** null when no database of that name exists. */
export async function installedNativeVersion(factory: IDBFactory, name: string): Promise<number | null> {
  if (typeof factory.databases === 'function') {
    const listed = (await factory.databases()).find((info) => info.name === name);
    return listed?.version ?? null;
  }
  return openWithoutVersion(factory, name);
}

/**
 * Engines without databases(): open at whatever version is installed. For a database that does
 * not exist this would create an empty version 1, so the creation is aborted in
 * onupgradeneeded (which fires only then) and nothing is left behind.
 */
function openWithoutVersion(factory: IDBFactory, name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (!created) return reject(request.error);
      // The abort we asked for: not an error for the page.
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => reject(new Error(`the database "${name}" is blocked by another Marginalia window`));
  });
}
