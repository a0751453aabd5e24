import { COMMUNES } from '../src/domain/communes.ts';
import { loadDemoDirectory } from './relevance.ts';

// Large synthetic directories for the bench (5,000 / 50,000 services): the demo services
// recombined with other communes, invented proper names (so the vocabulary grows like a real
// directory's) and shuffled description sentences. Deterministic for a given size and seed.

type Service = Record<string, unknown> & { id: string; name: string };

export function syntheticDirectory(size: number, seed = 42): Service[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const SYL = ['ma', 'ri', 'lo', 'ver', 'bel', 'an', 'to', 'gue', 'dor', 'sa', 'mi', 'lin', 'ker', 'bos', 'ha', 'zen', 'pla', 'tri', 'vo', 'nel', 'cha', 'du', 'wel', 'mon'];
  const proper = (): string => {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYL);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const FILLER = ['Accueil chaleureux.', 'Permanence sans rendez-vous le mardi.', 'Interprètes sur demande.', 'Accès PMR.', 'Gratuit.', 'Onthaal in het Nederlands en het Frans.', 'Priorité aux familles monoparentales.', 'Liste d\'attente de quelques semaines.', 'Antenne ouverte en 2021.', 'Soutien administratif inclus.'];
  const base = loadDemoDirectory<Service>();
  const out: Service[] = [];
  for (let i = 0; i < size; i++) {
    const b = base[i % base.length] as Service;
    const c = pick(COMMUNES);
    const place = proper();
    const regional = Array.isArray(b.communes_served) && (b.communes_served as string[]).includes('*') && rand() < 0.5;
    out.push({
      ...b,
      id: `syn-${i}`,
      name: i < base.length ? b.name : `${b.name.replace(/ (d'|de |du |des )?[A-Z][\p{L}-]+$/u, '')} ${place}`,
      organization: rand() < 0.5 ? `ASBL ${proper()} ${proper()}` : (b.organization ?? null),
      description: `${String(b.description ?? '')} ${pick(FILLER)} ${pick(FILLER)} Contact : ${proper()}.`,
      commune: c.fr,
      postcode: c.postcodes[0],
      communes_served: regional ? ['*'] : rand() < 0.3 ? [c.fr, pick(COMMUNES).nl] : [c.fr],
      status: rand() < 0.04 ? 'inactive' : 'active',
    });
  }
  return out;
}
