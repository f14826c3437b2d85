// npm run flows:lint — checks every flow in flows/ and exits non-zero on the first problem found.
import { flowDefinitions } from '../flows/index.js';
import { lintFlow } from '../src/engine/lint.js';

const problems = flowDefinitions.flatMap((f) => lintFlow(f));
for (const p of problems) console.error(`${p.flowId}${p.stepId ? `#${p.stepId}` : ''}: ${p.message}`);
console.log(problems.length === 0 ? `flows:lint ok (${flowDefinitions.length} flows)` : `flows:lint: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
