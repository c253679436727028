/**
 * A worker thread that draws social cards, so that cards render on every core while the main
 * thread renders pages. Node loads this file as TypeScript directly (type stripping), outside Vite.
 */
import { parentPort } from 'node:worker_threads';
import type { CardJob, CardResult } from './card-pool.ts';
import { fontsFor } from './font-files.ts';
import { renderCard } from './render.ts';

parentPort?.on('message', async (job: CardJob) => {
  let result: CardResult;
  try {
    const missing: string[] = [];
    const png = await renderCard(job.card, fontsFor(job.fonts), (text) => missing.push(text));
    result = { id: job.id, png, missing };
  } catch (e) {
    result = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(result);
});
