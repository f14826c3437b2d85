// npm run procedures:table — prints the README's table of procedures (id, title, source, review date) in Markdown.
import { procedures } from '../data/procedures/index.js';

console.log('| id | démarche | source | reviewed |');
console.log('| --- | --- | --- | --- |');
for (const p of procedures) console.log(`| \`${p.id}\` | ${p.title} | ${p.source} | ${p.reviewedAt} |`);
