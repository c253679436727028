/**
 * A worker thread that draws social cards, so that cards render on every core while the main
 * thread renders pages. Node loads this file as TypeScript directly (type stripping), outside Vite.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { CardJob, CardResult } from './card-pool.ts';
import { type CardFont, renderCard } from './render.ts';

const files = new Map<string, Uint8Array>();
// One list object per font combination: satori caches parsed fonts by the list's identity.
const lists = new Map<string, CardFont[]>();

function fontsOf(job: CardJob): CardFont[] {
  const key = job.fonts.map((f) => `${f.file}|${f.weight}|${f.name ?? ''}`).join('\n');
  let list = lists.get(key);
  if (!list) {
    list = job.fonts.map(({ file, weight, name }) => {
      let data = files.get(file);
      if (!data) {
        data = new Uint8Array(readFileSync(file));
        files.set(file, data);
      }
      return { weight, data, file, ...(name === undefined ? {} : { name }) };
    });
    lists.set(key, list);
  }
  return list;
}

parentPort?.on('message', async (job: CardJob) => {
  let result: CardResult;
  try {
    const missing: string[] = [];
    const png = await renderCard(job.card, fontsOf(job), (text) => missing.push(text));
    result = { id: job.id, png, missing };
  } catch (e) {
    result = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(result);
});
