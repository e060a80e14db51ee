/** Kept in step with package.json by scripts/build.mjs's check and a unit test. */
export const VERSION = '0.1.0';
