// The anonymity guard lives in src/domain (pure) so the renderer flags identifying data as it
// is typed; the call core uses the very same detector before a record is closed.
export {
  findIdentifyingData,
  hasIdentifyingData,
  redactIdentifyingData,
  isValidIban,
  isValidNationalNumber,
  IDENTIFYING_KINDS,
  type IdentifyingFinding,
  type IdentifyingKind,
} from '../domain/identifyingData.ts';
