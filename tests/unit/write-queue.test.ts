import { describe, expect, it } from 'vitest';
import { KeyedSerializer, WriteQueue } from '../../main/backend/write-queue';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('the write queue', () => {
  it('runs writes one at a time in arrival order, even across awaits', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    const job = (n: number) =>
      q.run(async () => {
        log.push(`start ${n}`);
        await tick();
        await tick();
        log.push(`end ${n}`);
        return n;
      });
    expect(await Promise.all([job(1), job(2), job(3)])).toEqual([1, 2, 3]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(q.depth).toBe(0);
  });

  it('a failing write lets the next one run', async () => {
    const q = new WriteQueue();
    const a = q.run(async () => {
      throw new Error('boom');
    });
    const b = q.run(async () => 'next');
    await expect(a).rejects.toThrow('boom');
    expect(await b).toBe('next');
  });

  it('work done `outside` lets other writes run meanwhile, then queues again', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const a = q.run(async (outside) => {
      log.push('a before');
      await outside(() => slow);
      log.push('a after');
    });
    const b = q.run(async () => {
      log.push('b');
    });
    await b;
    expect(log).toEqual(['a before', 'b']);
    release();
    await a;
    expect(log).toEqual(['a before', 'b', 'a after']);
  });
});

describe('the keyed serializer', () => {
  it('serialises per key and lets other keys run', async () => {
    const s = new KeyedSerializer();
    const log: string[] = [];
    const job = (k: string, n: number) =>
      s.run(k, async () => {
        log.push(`${k}${n}+`);
        await tick();
        log.push(`${k}${n}-`);
      });
    await Promise.all([job('a', 1), job('a', 2), job('b', 1)]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });
});
