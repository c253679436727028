import { Worker } from 'node:worker_threads';
import type { CardInput } from './card.ts';
import type { CardFont } from './render.ts';

/** A card to draw, with its fonts named by file so the worker reads each file once. */
export interface CardJob {
  readonly id: number;
  readonly card: CardInput;
  readonly fonts: readonly { file: string; weight: 400 | 700; name?: string | undefined }[];
}

/** What a worker sends back: the PNG and the text no font could draw, or the error. */
export type CardResult =
  | { readonly id: number; readonly png: Uint8Array; readonly missing: readonly string[] }
  | { readonly id: number; readonly error: string };

/** Draws cards in worker threads; `render` has the signature of renderCard. */
export interface CardPool {
  render(
    card: CardInput,
    fonts: readonly CardFont[],
    onMissing?: (text: string) => void,
  ): Promise<Uint8Array>;
}

/**
 * A pool of `size` workers running `workerFile` (card-worker.ts). Each job goes to the least busy
 * worker; a worker holds the process open only while it has work, so the build exits when done.
 */
export function cardPool(workerFile: string | URL, size: number): CardPool {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`A card pool needs 1 or more workers (got ${size})`);
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (r: CardResult) => void; reject: (e: Error) => void; worker: Slot }
  >();
  interface Slot {
    worker: Worker;
    busy: number;
  }
  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: new Worker(workerFile), busy: 0 };
    slot.worker.unref();
    slot.worker.on('message', (r: CardResult) => {
      const job = pending.get(r.id);
      if (!job) return;
      pending.delete(r.id);
      if (--slot.busy === 0) slot.worker.unref();
      job.resolve(r);
    });
    slot.worker.on('error', (e) => {
      for (const [id, job] of pending) {
        if (job.worker === slot) {
          pending.delete(id);
          job.reject(e);
        }
      }
    });
    return slot;
  });
  return {
    async render(card, fonts, onMissing) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      const job: CardJob = {
        id,
        card,
        fonts: fonts.map((f) => {
          if (!f.file) throw new Error('A card font sent to a worker needs its file path');
          return { file: f.file, weight: f.weight, name: f.name };
        }),
      };
      const result = await new Promise<CardResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: slot });
        if (slot.busy++ === 0) slot.worker.ref();
        slot.worker.postMessage(job);
      });
      if ('error' in result) throw new Error(`Social card "${card.title}" failed: ${result.error}`);
      for (const text of result.missing) onMissing?.(text);
      return result.png;
    },
  };
}
