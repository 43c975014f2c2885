import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem, type Knowledge } from '../src/knowledge/types.js';

/** Scripts need valid knowledge to mean anything: print the problems and stop if it is not. */
export async function loadKnowledgeOrExit(dir: string): Promise<Knowledge> {
  const result = await loadKnowledge(dir);
  if (result.ok) return result.knowledge;
  console.error(`The knowledge in ${dir} has ${result.problems.length} problem(s):`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
