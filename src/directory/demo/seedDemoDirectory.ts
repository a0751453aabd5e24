import { parseOrThrow } from '../../schemas/parse.ts';
import type { Db } from '../../store/openDatabase.ts';
import { directoryRepository } from '../directoryRepository.ts';
import { makeServiceSchema } from '../serviceSchema.ts';
import demo from './demoDirectory.json' with { type: 'json' };

// The bundled demo directory (fictitious contact details) is the embedded default of a new
// store created by the app, so `npm start` shows a usable répertoire with no configuration.
// It goes through the same schema as any import; a centre's own import replaces it.
export function seedDemoDirectory(db: Db, now: Date): number {
  const repo = directoryRepository(db);
  if (repo.countServices() > 0) return 0;
  const schema = makeServiceSchema(repo.themeCodes());
  const services = (demo as unknown[]).map((s, i) => parseOrThrow(schema, s, `demo service ${i + 1}`));
  return repo.upsertServices(services, now);
}
