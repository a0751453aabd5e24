// The call timer, computed from stored instants and the injected clock: a renderer timer
// never decides the duration, and a crash or a restart loses nothing (the anchors are in the
// store). Talk time = (end or now) − start − time on hold.

export interface Hold {
  startedAt: string;
  endedAt: string | null;
}

export interface TimerAnchors {
  startedAt: string;
  endedAt: string | null;
  holds: readonly Hold[];
}

export interface TimerState {
  startedAt: string;
  endedAt: string | null;
  pausedAt: string | null;
  pausedMs: number;
  elapsedMs: number;
  running: boolean;
  now: string;
}

function ms(iso: string): number {
  return new Date(iso).getTime();
}

export function computeTimer(a: TimerAnchors, now: Date): TimerState {
  const end = a.endedAt ? ms(a.endedAt) : now.getTime();
  const start = ms(a.startedAt);
  let pausedMs = 0;
  let pausedAt: string | null = null;
  for (const h of a.holds) {
    const hs = Math.max(start, ms(h.startedAt));
    const he = Math.min(end, h.endedAt ? ms(h.endedAt) : end);
    if (!h.endedAt) pausedAt = h.startedAt;
    if (he > hs) pausedMs += he - hs;
  }
  const elapsedMs = Math.max(0, end - start - pausedMs);
  return {
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    pausedAt: a.endedAt ? null : pausedAt,
    pausedMs,
    elapsedMs,
    running: !a.endedAt && !pausedAt,
    now: now.toISOString(),
  };
}
