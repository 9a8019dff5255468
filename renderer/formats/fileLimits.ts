/**
 * Shapes an imported file may give the project, whatever its format. Codebooks nest a few levels
 * deep; a chain of thousands of codes only makes every path and tree walk slow.
 */
export const MAX_CODE_DEPTH = 100;
