import { parseOrThrow } from '../../schemas/parse.ts';
import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import { makeServiceSchema } from '../serviceSchema.ts';
import { markDemoServices } from './demoMarker.ts';
import demo from './demoDirectory.json' with { type: 'json' };

// The bundled demonstration directory: real organisations' names with FICTITIOUS numbers. Only
// `npm start`, the screenshots, the harness and an explicit `--demo` seed it — never a packaged
// app's new store. Its services are marked (demoMarker) so every screen that shows them carries
// the "numéros fictifs" banner, and a real directory replaces them.
export function seedDemoDirectory(db: Db, now: Date): number {
  const repo = directoryRepository(db);
  if (repo.countServices() > 0) return 0;
  const schema = makeServiceSchema(repo.themeCodes());
  const services = (demo as unknown[]).map((s, i) => parseOrThrow(schema, s, `demo service ${i + 1}`));
  return db.transaction(() => {
    const n = repo.upsertServices(services, now);
    markDemoServices(db, services.map((s) => s.id));
    return n;
  })();
}
