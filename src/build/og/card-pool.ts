import { Worker } from 'node:worker_threads';
import type { CardInput } from '../../core/og/card.ts';
import type { FontSpec } from './font-files.ts';
import type { CardFont } from './render.ts';

/** A card to draw, with its fonts named by file so the worker reads each file once. */
export interface CardJob {
  readonly id: number;
  readonly card: CardInput;
  readonly fonts: readonly FontSpec[];
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

/** How many workers may die under one card before the card fails instead of trying again. */
const TRIES = 2;

interface Slot {
  worker: Worker;
  busy: number;
}

interface Pending {
  readonly job: CardJob;
  readonly resolve: (r: CardResult) => void;
  readonly reject: (e: Error) => void;
  slot: Slot;
  tries: number;
}

/**
 * A pool of `size` workers running `workerFile` (card-worker.ts). Each job goes to the least busy
 * worker; a worker holds the process open only while it has work, so the build exits when done.
 * A worker that dies (killed, out of memory, a crash in native code) is replaced at once and its
 * cards are drawn again by the new one; a card under which workers die {@link TRIES} times fails,
 * so one bad card can neither hang the build nor take the pool down with it. `onWorker` sees each
 * worker started (tests kill one mid-build).
 */
export function cardPool(
  workerFile: string | URL,
  size: number,
  onWorker?: (worker: Worker) => void,
): CardPool {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`A card pool needs 1 or more workers (got ${size})`);
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const send = (p: Pending, slot: Slot) => {
    p.slot = slot;
    p.tries++;
    if (slot.busy++ === 0) slot.worker.ref();
    slot.worker.postMessage(p.job);
  };

  const start = (slot: Slot): Worker => {
    const worker = new Worker(workerFile);
    worker.unref();
    let dead = false;
    worker.on('message', (r: CardResult) => {
      const p = pending.get(r.id);
      if (!p || p.slot !== slot) return;
      pending.delete(r.id);
      if (--slot.busy === 0) worker.unref();
      p.resolve(r);
    });
    const died = (why: string) => {
      if (dead) return;
      dead = true;
      const orphans = [...pending.values()].filter((p) => p.slot === slot);
      slot.busy = 0;
      slot.worker = start(slot);
      for (const p of orphans) {
        if (p.tries < TRIES) send(p, slot);
        else {
          pending.delete(p.job.id);
          p.reject(new Error(`its card worker died ${TRIES} times drawing it (last: ${why})`));
        }
      }
    };
    worker.on('error', (e) => died(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => died(`exit code ${code}`));
    onWorker?.(worker);
    return worker;
  };

  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot = { busy: 0 } as Slot;
    slot.worker = start(slot);
    return slot;
  });

  return {
    async render(card, fonts, onMissing) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const job: CardJob = {
        id: nextId++,
        card,
        fonts: fonts.map((f) => {
          if (!f.file) throw new Error('A card font sent to a worker needs its file path');
          return { file: f.file, weight: f.weight, name: f.name };
        }),
      };
      const result = await new Promise<CardResult>((resolve, reject) => {
        const p: Pending = { job, resolve, reject, slot, tries: 0 };
        pending.set(job.id, p);
        send(p, slot);
      });
      if ('error' in result) throw new Error(result.error);
      for (const text of result.missing) onMissing?.(text);
      return result.png;
    },
  };
}
