/**
 * The Node host's per-session secret travels from the page the host serves (a meta tag in
 * index.html) back on every API call (a request header). Both names live here because the host
 * (main/web) writes them and the renderer's HTTP transport reads them.
 */
export const SESSION_META_NAME = 'marginalia-session';
export const SESSION_HEADER = 'X-Marginalia-Session';
