// npm run flows:diagram — writes one Mermaid diagram per flow into diagrams/ (or the folder given).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFlows } from '../flows/index.js';
import { flowToMermaid } from '../src/engine/diagram.js';

const outDir = process.argv[2] ?? 'diagrams';
mkdirSync(outDir, { recursive: true });
for (const flow of loadFlows().values()) {
  const file = join(outDir, `${flow.definition.id}.mmd`);
  writeFileSync(file, flowToMermaid(flow.definition));
  console.log(`wrote ${file}`);
}
