import type { ProjectStatus } from '../../src/data/feature-schemas.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import {
  type ActivityEvent,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertKind,
  type OnDuty,
  type ResponseLevel,
  STATUS_FORMAT,
  type StatusAlert,
  type StatusFeed,
} from '../../src/data/status-schema.ts';
import { createRng, type Rng } from '../generate/random.ts';
import { type CellPool, cellPool } from './cells.ts';
import { isoShanghai } from './clock.ts';
import { onDutyModel } from './on-duty.ts';

/**
 * A district's day, one tick at a time: projects progress (and some slip), alerts open on plausible cells
 * and close again, volunteer events arrive where people live, on-duty counts drift. The sequence of
 * states depends only on the seed, the number of ticks and the response level set between them; the
 * clock supplies timestamps only. Each part draws from its own fork of the seeded PRNG, so changing one
 * part does not reshuffle the others.
 */
export interface Simulation {
  readonly region: string;
  readonly tick: number;
  /** The response level; setting it without a time stamps the change at the next snapshot. */
  level: ResponseLevel;
  /** Sets the response level, stamping `responseLevelSince` with `now` (ms) if it changed. */
  setLevel(level: ResponseLevel, now: number): void;
  /** Advances one tick; `now` (ms) stamps what happens in it. */
  step(now: number): void;
  /** The feed as of now. */
  snapshot(now: number): StatusFeed;
}

export interface SimulationOptions {
  seed: number;
  level?: ResponseLevel;
}

/** Per response level: chance per tick that an alert opens, and that each of 3 event slots fills. */
const TEMPO: Record<ResponseLevel, { alert: number; event: number; severity: number[] }> = {
  normal: { alert: 0.35, event: 0.3, severity: [0.55, 0.35, 0.1] },
  urgent: { alert: 0.55, event: 0.5, severity: [0.4, 0.4, 0.2] },
  emergency: { alert: 0.8, event: 0.7, severity: [0.25, 0.4, 0.35] },
};
const KIND_SHARE: Record<AlertKind, number> = {
  traffic_congestion: 0.25,
  illegal_construction: 0.15,
  blocked_fire_lane: 0.15,
  waterlogging: 0.15,
  camera_watch: 0.15,
  other: 0.15,
};
const ALERT_TEXT: Record<AlertKind, readonly string[]> = {
  traffic_congestion: ['早高峰路口拥堵', '学校门口车辆排队', '施工路段通行缓慢'],
  illegal_construction: ['屋顶违章搭建', '宅基地违规扩建', '绿地内搭建简易房'],
  blocked_fire_lane: ['消防通道被私家车占用', '楼道堆放杂物', '消防通道被共享单车堵塞'],
  waterlogging: ['雨后路面积水', '地下车库入口积水', '下立交积水'],
  camera_watch: ['高点监控发现人员聚集', '高点监控发现烟雾', '高点监控发现河道漂浮物'],
  other: ['井盖缺失', '路灯损坏', '占道经营', '垃圾满溢'],
};
/** `responseNote` per level: what a district's duty office would write when it raises the level. */
const LEVEL_NOTE: Record<ResponseLevel, string | null> = {
  normal: null,
  urgent: '强降雨黄色预警，启动急时响应',
  emergency: '台风红色预警，启动战时响应，全区动员',
};
const CLOSE_CHANCE = 0.08;
const MAX_OPEN_ALERTS = 60;
/** A closed alert stays in the feed this many ticks, so the panel can say it was closed. */
const CLOSED_KEPT_TICKS = 20;
const RECENT_EVENTS = 100;
const DEFAULT_EVENT_KINDS = ['patrol', 'environment', 'elderly_care', 'traffic', 'publicity', 'other'];

/** Where each alert kind plausibly happens. */
function kindWeights(pool: CellPool): Record<AlertKind, readonly number[]> {
  const uniform = pool.ids.map(() => 1);
  return {
    traffic_congestion: pool.density,
    illegal_construction: pool.area,
    blocked_fire_lane: pool.density,
    waterlogging: uniform,
    camera_watch: pool.population,
    other: pool.population,
  };
}

function eventKinds(pack: RegionPack): { kinds: string[]; weights: number[] } {
  const counts = new Map<string, number>();
  for (const f of pack.activity) counts.set(f.properties.kind, (counts.get(f.properties.kind) ?? 0) + 1);
  if (counts.size === 0) return { kinds: DEFAULT_EVENT_KINDS, weights: DEFAULT_EVENT_KINDS.map(() => 1) };
  return { kinds: [...counts.keys()], weights: [...counts.values()] };
}

interface ProjectState {
  status: ProjectStatus;
  progress: number;
}

function stepProject(p: ProjectState, rng: Rng): void {
  const r = rng.next();
  const gain = rng.int(1, 3);
  if (p.status === 'active') {
    if (r < 0.3) {
      p.progress = Math.min(100, p.progress + gain);
      if (p.progress === 100) p.status = 'done';
    } else if (r > 0.97) p.status = 'delayed';
  } else if (p.status === 'delayed' && r < 0.15) p.status = 'active';
  else if (p.status === 'planned' && r < 0.05) {
    p.status = 'active';
    p.progress = Math.max(p.progress, 1);
  } else if (p.status === 'suspended' && r < 0.02) p.status = 'active';
}

export function createSimulation(pack: RegionPack, options: SimulationOptions): Simulation {
  const root = createRng(options.seed);
  const rng = {
    projects: root.fork('projects'),
    alerts: root.fork('alerts'),
    events: root.fork('events'),
    duty: root.fork('duty'),
  };
  const pool = cellPool(pack);
  const weights = kindWeights(pool);
  const kinds = ALERT_KINDS.slice();
  const kindShare = kinds.map((k) => KIND_SHARE[k]);
  const { kinds: eventKindList, weights: eventKindWeights } = eventKinds(pack);
  const packEventIds = new Set(pack.activity.map((f) => f.properties.id));
  const duty = onDutyModel(pack);

  const projects = new Map<string, ProjectState>(
    pack.projects.map((p) => [
      p.properties.id,
      { status: p.properties.status, progress: p.properties.progress },
    ]),
  );
  const touched = new Set<string>();
  const alerts: { alert: StatusAlert; closedTick?: number }[] = [];
  const events: ActivityEvent[] = [];
  let tick = 0;
  let level: ResponseLevel = options.level ?? 'normal';
  /** When the current level came into force (ms); null until a clock time is known. */
  let levelSince: number | null = null;
  let alertSeq = 0;
  let eventSeq = 0;

  const nextEventId = () => {
    let id: string;
    do id = `L${String(++eventSeq).padStart(6, '0')}`;
    while (packEventIds.has(id));
    return id;
  };

  const sim: Simulation = {
    region: pack.manifest.id,
    get level() {
      return level;
    },
    set level(next: ResponseLevel) {
      if (next === level) return;
      level = next;
      levelSince = null;
    },
    setLevel(next, now) {
      if (next === level) return;
      level = next;
      levelSince = now;
    },
    get tick() {
      return tick;
    },
    step(now) {
      tick++;
      const stamp = isoShanghai(now);
      const tempo = TEMPO[sim.level];

      for (const [id, p] of projects) {
        const before = `${p.status}/${p.progress}`;
        stepProject(p, rng.projects);
        if (`${p.status}/${p.progress}` !== before) touched.add(id);
      }

      for (const entry of alerts) {
        if (entry.closedTick === undefined && rng.alerts.next() < CLOSE_CHANCE) {
          entry.closedTick = tick;
          entry.alert = { ...entry.alert, closedAt: stamp };
        }
      }
      for (let i = alerts.length - 1; i >= 0; i--) {
        const closed = alerts[i]?.closedTick;
        if (closed !== undefined && tick - closed > CLOSED_KEPT_TICKS) alerts.splice(i, 1);
      }
      const open = alerts.filter((a) => a.closedTick === undefined).length;
      if (pool.ids.length > 0 && rng.alerts.next() < tempo.alert && open < MAX_OPEN_ALERTS) {
        const kind = kinds[rng.alerts.weighted(kindShare)] as AlertKind;
        const cell = pool.ids[rng.alerts.weighted(weights[kind])] as string;
        const severity = ALERT_SEVERITIES[rng.alerts.weighted(tempo.severity)] ?? 'info';
        const text = rng.alerts.pick(ALERT_TEXT[kind]);
        const id = `AL${String(++alertSeq).padStart(5, '0')}`;
        alerts.push({ alert: { id, cell, kind, text, severity, openedAt: stamp } });
      }

      for (let slot = 0; slot < 3 && pool.ids.length > 0; slot++) {
        if (rng.events.next() >= tempo.event) continue;
        const index = rng.events.weighted(pool.population);
        const [lon, lat] = pool.pointIn(index, rng.events);
        const volunteers = rng.events.int(1, 8);
        events.push({
          id: nextEventId(),
          time: stamp,
          kind: eventKindList[rng.events.weighted(eventKindWeights)] as string,
          volunteers,
          hours: Math.round(volunteers * rng.events.uniform(0.5, 3) * 10) / 10,
          cell: pool.ids[index] as string,
          lon,
          lat,
        });
      }
      if (events.length > RECENT_EVENTS) events.splice(0, events.length - RECENT_EVENTS);

      duty.drift(rng.duty);
    },
    snapshot(now) {
      const onDuty: OnDuty[] = duty.counts(sim.level);
      if (levelSince === null) levelSince = now;
      const note = LEVEL_NOTE[level];
      return {
        format: STATUS_FORMAT,
        region: pack.manifest.id,
        generatedAt: isoShanghai(now),
        responseLevel: sim.level,
        responseLevelSince: isoShanghai(levelSince),
        ...(note ? { responseNote: note } : {}),
        projects: pack.projects
          .map((p) => p.properties.id)
          .filter((id) => touched.has(id))
          .map((id) => {
            const p = projects.get(id) as ProjectState;
            return { id, status: p.status, progress: p.progress };
          }),
        alerts: alerts.map((a) => a.alert),
        onDuty,
        activity: events.slice(),
      };
    },
  };
  return sim;
}
