/** `npm run dev` and the tsc build's entry point: the bot (src/run.ts). */
import { run } from './run.js';

await run();
