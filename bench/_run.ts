import Database from 'better-sqlite3';
import { benchStorage, printStorage } from './_storage.js';
const r = await benchStorage(Number(process.argv[2] ?? 100000));
printStorage(r);
