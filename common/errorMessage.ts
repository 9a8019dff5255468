/** What a caught value says: an Error's message, anything else as text (a rejection may carry any value). */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
