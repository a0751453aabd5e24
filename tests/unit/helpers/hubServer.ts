import type { FastifyInstance } from 'fastify';
import { buildHubServer } from '../../../hub/server.ts';
import type { HubEngine, HubLocation } from '../../../src/hub/db/hubDb.ts';
import type { HubContext } from '../../../src/hub/hubContext.ts';
import { openHub } from '../../../src/hub/hubService.ts';
import { type Clock, systemClock } from '../../../src/platform/clock.ts';
import { tempHubLocation } from './hubDatabases.ts';

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
