// The 19 communes of the Brussels-Capital Region with their French and Dutch names and
// postcodes (main postcode first). Used by the directory (communes served), the call record
// and the reports; `outside` and `unknown` complete the call record's choice.
export interface Commune {
  code: string;
  fr: string;
  nl: string;
  postcodes: readonly string[];
}

export const COMMUNES: readonly Commune[] = [
  { code: 'anderlecht', fr: 'Anderlecht', nl: 'Anderlecht', postcodes: ['1070'] },
  { code: 'auderghem', fr: 'Auderghem', nl: 'Oudergem', postcodes: ['1160'] },
  { code: 'berchem-sainte-agathe', fr: 'Berchem-Sainte-Agathe', nl: 'Sint-Agatha-Berchem', postcodes: ['1082'] },
  { code: 'bruxelles', fr: 'Bruxelles', nl: 'Brussel', postcodes: ['1000', '1020', '1120', '1130'] },
  { code: 'etterbeek', fr: 'Etterbeek', nl: 'Etterbeek', postcodes: ['1040'] },
  { code: 'evere', fr: 'Evere', nl: 'Evere', postcodes: ['1140'] },
  { code: 'forest', fr: 'Forest', nl: 'Vorst', postcodes: ['1190'] },
  { code: 'ganshoren', fr: 'Ganshoren', nl: 'Ganshoren', postcodes: ['1083'] },
  { code: 'ixelles', fr: 'Ixelles', nl: 'Elsene', postcodes: ['1050'] },
  { code: 'jette', fr: 'Jette', nl: 'Jette', postcodes: ['1090'] },
  { code: 'koekelberg', fr: 'Koekelberg', nl: 'Koekelberg', postcodes: ['1081'] },
  { code: 'molenbeek-saint-jean', fr: 'Molenbeek-Saint-Jean', nl: 'Sint-Jans-Molenbeek', postcodes: ['1080'] },
  { code: 'saint-gilles', fr: 'Saint-Gilles', nl: 'Sint-Gillis', postcodes: ['1060'] },
  { code: 'saint-josse-ten-noode', fr: 'Saint-Josse-ten-Noode', nl: 'Sint-Joost-ten-Node', postcodes: ['1210'] },
  { code: 'schaerbeek', fr: 'Schaerbeek', nl: 'Schaarbeek', postcodes: ['1030'] },
  { code: 'uccle', fr: 'Uccle', nl: 'Ukkel', postcodes: ['1180'] },
  { code: 'watermael-boitsfort', fr: 'Watermael-Boitsfort', nl: 'Watermaal-Bosvoorde', postcodes: ['1170'] },
  { code: 'woluwe-saint-lambert', fr: 'Woluwe-Saint-Lambert', nl: 'Sint-Lambrechts-Woluwe', postcodes: ['1200'] },
  { code: 'woluwe-saint-pierre', fr: 'Woluwe-Saint-Pierre', nl: 'Sint-Pieters-Woluwe', postcodes: ['1150'] },
];

/** Call-record commune choices beyond the 19: a caller may live elsewhere or not say. */
export const OTHER_COMMUNE_CODES = ['outside', 'unknown'] as const;
