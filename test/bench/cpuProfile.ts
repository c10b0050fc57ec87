// Reads a V8 .cpuprofile (node --cpu-prof) and says where the CPU time went: self time per function,
// per area (package, Node core, the bot's own code, WebAssembly, GC), and time spent inside the bot's
// own functions (inclusive, outermost call only).
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** µs of samples counted (within the window, when given). */
  totalMs: number;
  windowed: boolean;
  busyMs: number;
  byArea: { area: string; ms: number; share: number }[];
  topSelf: { fn: string; area: string; ms: number; share: number }[];
  topOwnInclusive: { fn: string; ms: number; share: number }[];
}

export function areaOf(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return '(program: V8/native, unattributed)';
  if (fn === '(root)') return '(root)';
  if (url.startsWith('wasm://')) return 'wasm';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) {
    const pkg = nm[1]!;
    if (pkg === '@prisma/client' && /query_compiler|wasm/i.test(url)) return '@prisma/client (query compiler glue)';
    return pkg;
  }
  if (url.startsWith('node:') || (!url.includes('/') && url !== '')) return 'node core';
  const own = /\/(bot|cards|test)\/(.*)$/.exec(url);
  if (own) {
    if (own[1] === 'bot' && own[2]!.startsWith('store/generated/')) return 'bot/store/generated (Prisma client)';
    return `${own[1]}/${own[2]!.split('/')[0]}`;
  }
  return url ? 'other' : '(native / anonymous)';
}

function short(url: string): string {
  const nm = /node_modules\/(.*)$/.exec(url);
  if (nm) return nm[1]!;
  const own = /\/((?:bot|cards|test|scripts)\/.*)$/.exec(url);
  if (own) return own[1]!;
  return url.replace(/^file:\/\//, '');
}

/** `window` in the profile's own clock (µs, CLOCK_MONOTONIC like process.hrtime). */
export function summariseProfile(file: string, window?: { fromUs: number; toUs: number }, top = 20): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const useWindow = !!window && window.fromUs >= profile.startTime && window.fromUs < profile.endTime;
  const self = new Map<number, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (useWindow && (t < window!.fromUs || t > window!.toUs)) continue;
    const id = profile.samples[i]!;
    // The delta before a sample is the time it stands for (V8's own convention for self time).
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  let total = 0;
  for (const v of self.values()) total += v;

  // WebAssembly frames have no names worth reading; a module is named by the package whose JavaScript
  // calls into it (PGlite's PostgreSQL, Prisma's query compiler, …).
  const wasmOwner = new Map<string, Map<string, number>>();
  const callerOf = (id: number) => {
    let cur = parent.get(id);
    const skip = (url: string) => url === '' || url.startsWith('wasm://') || url.startsWith('node:');
    while (cur !== undefined && skip(byId.get(cur)!.callFrame.url)) cur = parent.get(cur);
    return cur === undefined ? '?' : areaOf(byId.get(cur)!.callFrame.url, byId.get(cur)!.callFrame.functionName);
  };
  for (const n of profile.nodes) {
    if (!n.callFrame.url.startsWith('wasm://')) continue;
    let cur = parent.get(n.id);
    while (cur !== undefined && (byId.get(cur)!.callFrame.url === '' || byId.get(cur)!.callFrame.url.startsWith('wasm://')))
      cur = parent.get(cur);
    const caller = cur === undefined ? '?' : areaOf(byId.get(cur)!.callFrame.url, byId.get(cur)!.callFrame.functionName);
    const votes = wasmOwner.get(n.callFrame.url) ?? new Map<string, number>();
    votes.set(caller, (votes.get(caller) ?? 0) + 1);
    wasmOwner.set(n.callFrame.url, votes);
  }
  const wasmArea = (url: string) => {
    const votes = [...(wasmOwner.get(url) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    const owner = votes[0]?.[0] ?? '?';
    if (owner.includes('pglite')) return 'wasm: PGlite (PostgreSQL engine)';
    if (owner.includes('prisma')) return 'wasm: Prisma query compiler';
    return `wasm called from ${owner}`;
  };

  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; us: number }>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    let area = url.startsWith('wasm://') ? wasmArea(url) : areaOf(url, functionName);
    // Native functions (I/O, JSON, crypto, …) count for the package that called them.
    if (area === '(native / anonymous)') area = `native, called from ${callerOf(id)}`;
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${short(url)}:${lineNumber + 1}` : ''}`.trim();
    const f = fns.get(key) ?? { area, us: 0 };
    f.us += us;
    fns.set(key, f);
  }

  // Inclusive time of the bot's own functions (bot/, cards/): a sample counts once per function, for
  // its outermost frame on the stack.
  const own = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { functionName, url, lineNumber } = byId.get(cur)!.callFrame;
      if (!/\/(bot|cards)\//.test(url) || /store\/generated\//.test(url)) continue;
      const key = `${functionName || '(anonymous)'} ${short(url)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      own.set(key, (own.get(key) ?? 0) + us);
    }
  }

  const idle = areas.get('(idle)') ?? 0;
  const busy = total - idle;
  const share = (us: number) => (busy > 0 ? us / busy : 0);
  return {
    totalMs: total / 1000,
    windowed: useWindow,
    busyMs: busy / 1000,
    byArea: [...areas]
      .filter(([a]) => a !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({ area, ms: us / 1000, share: share(us) })),
    topSelf: [...fns]
      .filter(([, f]) => f.area !== '(idle)')
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([fn, f]) => ({ fn, area: f.area, ms: f.us / 1000, share: share(f.us) })),
    topOwnInclusive: [...own]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: us / 1000, share: share(us) })),
  };
}
