/**
 * The benchmark's data generator, run as its own process by reports.ts:
 * building 150,000 answers costs memory of its own, and the peak-memory
 * target is about the reports, so the measuring process starts without it.
 * Prints what it wrote as JSON on stdout.
 */
import { populate } from './generate.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: populate.ts <sqlite file>');
process.stdout.write(`${JSON.stringify(await populate(file))}\n`);
