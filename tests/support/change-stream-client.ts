/** A test client of the change stream (GET /api/changes over HTTP), as a workstation holds it. */
import { ChangeStreamParser, CHANGES_PATH, type Change, type StreamFrame } from '../../core/api/changes';

export interface StreamClient {
  status: number;
  frames: StreamFrame[];
  changes(): Change[];
  /** Waits until a frame matching `pred` has arrived (or fails after `ms`). */
  waitFor(pred: (f: StreamFrame) => boolean, ms?: number): Promise<StreamFrame>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(base: string, cookie: string | null, after?: number, headers: Record<string, string> = {}): Promise<StreamClient> {
  const ac = new AbortController();
  const url = `${base}${CHANGES_PATH}${after === undefined ? '' : `?after=${after}`}`;
  const res = await fetch(url, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers }, signal: ac.signal });
  const frames: StreamFrame[] = [];
  const waiters: { pred: (f: StreamFrame) => boolean; resolve: (f: StreamFrame) => void }[] = [];
  const parser = new ChangeStreamParser();
  const ended = (async () => {
    if (!res.ok || !res.body) return;
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const f of parser.push(dec.decode(value, { stream: true }))) {
          frames.push(f);
          for (const w of [...waiters]) if (w.pred(f)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(f);
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    frames,
    changes: () => frames.flatMap((f) => (f.type === 'change' ? [f.change] : [])),
    waitFor(pred, ms = 5000) {
      const hit = frames.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`)), ms);
        waiters.push({ pred, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
    ended,
    close: () => ac.abort(),
  };
}
