/** The files of the production bundle that its launcher (src/launcher.ts) and the build (scripts/bundle.ts) share. */
export const APP_FILE = 'app.cjs';
export const CODE_CACHE_FILE = `${APP_FILE}.cache`;
/** Set by the build only: the run that writes the code cache once it has answered its questions. */
export const WRITE_CODE_CACHE = 'STORYBOT_WRITE_CODE_CACHE';
