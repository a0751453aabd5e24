// The kinds of identifying data the anonymity guard finds: a leaf, so that the contract (and
// through it the preload and the hub's wire) names them without loading the guard's word lists.

export const IDENTIFYING_KINDS = ['phone', 'email', 'nationalNumber', 'iban', 'address', 'name'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];
