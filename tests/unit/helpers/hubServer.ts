import type { FastifyInstance } from 'fastify';
import type { AppCore } from '../../../src/app/appCore.ts';
import { buildHubServer } from '../../../hub/server.ts';
import type { HubEngine, HubLocation } from '../../../src/hub/db/hubDb.ts';
import type { HubContext } from '../../../src/hub/hubContext.ts';
import { createFoundingCode } from '../../../src/hub/enrolment.ts';
import { openHub } from '../../../src/hub/hubService.ts';
import { type Clock, systemClock } from '../../../src/platform/clock.ts';
import { tempHubLocation } from './hubDatabases.ts';
import { newOpenCore, signInSupervisor } from './tempStore.ts';

/** A real hub (database on `engine`, Fastify on a loopback port) for one test file. */
export async function startTestHub(engine: HubEngine, clock: Clock = systemClock): Promise<{ url: string; ctx: HubContext; location: HubLocation; server: FastifyInstance; stop(): Promise<void> }> {
  const temp = await tempHubLocation(engine);
  const hub = await openHub(temp.location, clock);
  const server = buildHubServer({ ctx: hub });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const handle = {
    url: `http://127.0.0.1:${port}`,
    ctx: hub,
    location: temp.location,
    /** Replaceable: a test that restarts the server on the same port puts the new one here. */
    server,
    async stop() {
      await handle.server.close();
      await hub.close();
      await temp.drop();
    },
  };
  return handle;
}

export type TestHub = Awaited<ReturnType<typeof startTestHub>>;

export interface TwoPcLine {
  hub: TestHub;
  /** The founder PC (Sophie, supervisor, CASG Nord; device "Coordination"). */
  a: AppCore;
  /** The second PC, invited by A into `centreB` and joined. */
  b: AppCore;
  /** Shuts both PCs down and stops the hub. */
  stop(): Promise<void>;
}

export interface TwoPcLineOptions {
  /** The hub's clock (default: the system clock). */
  hubClock?: Clock;
  clockA?: Clock;
  clockB?: Clock;
  /** B's centre and device name (default CPAS Anderlecht, "Anderlecht 1"). */
  centreB?: string;
  deviceB?: string;
}

async function dispatchOk<T>(core: AppCore, name: string, input: unknown): Promise<T> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/**
 * The shared line most hub tests start from, written once: a real hub on `engine`, a founder PC
 * (A) joined with the founding code, a second PC (B) invited by A and joined — both real
 * encrypted stores with the demo directory and a signed-in supervisor.
 */
export async function startTwoPcLine(engine: HubEngine, opts: TwoPcLineOptions = {}): Promise<TwoPcLine> {
  const hub = await startTestHub(engine, opts.hubClock);
  const a = await newOpenCore({ seedDemo: true, ...(opts.clockA ? { clock: opts.clockA } : {}) });
  const b = await newOpenCore({ seedDemo: true, ...(opts.clockB ? { clock: opts.clockB } : {}) });
  await signInSupervisor(a);
  await signInSupervisor(b);
  const { code } = await createFoundingCode(hub.ctx);
  await dispatchOk(a, 'hub.join', { url: hub.url, code, deviceName: 'Coordination' });
  const inv = await dispatchOk<{ code: string }>(a, 'hub.invite', { centre: opts.centreB ?? 'CPAS Anderlecht' });
  await dispatchOk(b, 'hub.join', { url: hub.url, code: inv.code, deviceName: opts.deviceB ?? 'Anderlecht 1' });
  return {
    hub,
    a,
    b,
    async stop() {
      a.shutdown();
      b.shutdown();
      await hub.stop();
    },
  };
}
