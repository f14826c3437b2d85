// Runs one load in its own process, so the client's CPU never competes with the server it measures.
// Input: the options as JSON in argv[2]. Output: the LoadResult as JSON on stdout.
import { runLoad, type LoadOptions } from './load.js';

const options = JSON.parse(process.argv[2]!) as LoadOptions;
process.stdout.write(JSON.stringify(await runLoad(options)));
