/** `heap-growth-per-1000-sessions`: what a day of visitors leaves in the renderer's memory. */
import { startHost } from '../../tests/e2e/kiosk-host.ts';
import { visitorSession } from '../../tests/e2e/visitor-session.ts';
import { figure, newPage, type Bench, type Figures } from '../lib.ts';

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return num / den;
}

/**
 * Scripted visitor sessions (the attract loop, a tap, a story, a section, the 3D screen, the
 * reset) with short idle times. The heap is read after forced garbage collection every few
 * sessions once V8 has warmed up (its optimised code grows for the first few dozen sessions:
 * a heap-snapshot diff shows compiled code, not objects, growing); the figure is the growth
 * per window of sessions, per 1,000, and the note gives the slope over the whole run.
 */
export async function heapGrowth({ browser, quick }: Bench): Promise<Figures> {
  const host = await startHost({ idle: 2, countdown: 1 });
  const page = await newPage(browser, host);
  const cdp = await page.context().newCDPSession(page);
  /** MB after GC: everything in a heap snapshot but V8's compiled code, and the whole heap. */
  const heap = async (): Promise<{ objects: number; total: number }> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(200);
    const chunks: string[] = [];
    const onChunk = (event: { chunk: string }) => void chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const bytes = objectBytes(JSON.parse(chunks.join('')) as HeapSnapshot);
    return { objects: bytes.objects / 1024 / 1024, total: (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024 };
  };
  const session = () => visitorSession(page, 20_000);
  const warmup = quick ? 5 : 30;
  const measured = quick ? 20 : 60;
  const every = quick ? 5 : 10;
  for (let i = 0; i < warmup; i += 1) await session();
  const first = await heap();
  const domBefore = await cdp.send('Memory.getDOMCounters');
  const points: [number, number][] = [[0, first.objects]];
  let last = first;
  for (let i = 1; i <= measured; i += 1) {
    await session();
    if (i % every === 0) {
      last = await heap();
      points.push([i, last.objects]);
    }
  }
  const domAfter = await cdp.send('Memory.getDOMCounters');
  await page.close();
  await host.stop();
  const windows = points.slice(1).map(([x, y], k) => ((y - points[k]![1]) / (x - points[k]![0])) * 1000);
  return {
    'heap-growth-per-1000-sessions': figure(windows, 'MB', {
      target: '≤ 2',
      note:
        `heap after GC, V8's compiled code left out, over ${measured} scripted sessions (attract tap, story, section, 3D, reset) after ${warmup} warm-up, per window of ${every}: ` +
        `${first.objects.toFixed(2)} → ${last.objects.toFixed(2)} MB, least-squares ${(slope(points) * 1000).toFixed(1)} MB per 1,000; ` +
        `whole JS heap with code ${first.total.toFixed(2)} → ${last.total.toFixed(2)} MB (${(((last.total - first.total) / measured) * 1000).toFixed(1)} MB per 1,000); ` +
        `DOM nodes ${domBefore.nodes} → ${domAfter.nodes}, listeners ${domBefore.jsEventListeners} → ${domAfter.jsEventListeners}`,
    }),
  };
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Bytes held in a heap snapshot, less V8's compiled code (it grows while V8 optimises the hot
 * paths of the first hundred sessions or so, and V8 flushes it) and the DevTools network
 * buffer (the benchmark's own connection, absent in a kiosk).
 */
function objectBytes(heapSnapshot: HeapSnapshot): { objects: number; code: number } {
  const fields = heapSnapshot.snapshot.meta.node_fields;
  const types = heapSnapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  let objects = 0;
  let code = 0;
  for (let i = 0; i < heapSnapshot.nodes.length; i += fields.length) {
    const size = heapSnapshot.nodes[i + sizeAt]!;
    if (types[heapSnapshot.nodes[i + typeAt]!] === 'code') code += size;
    else if (!heapSnapshot.strings[heapSnapshot.nodes[i + nameAt]!]!.startsWith('blink::NetworkResourcesData')) objects += size;
  }
  return { objects, code };
}
