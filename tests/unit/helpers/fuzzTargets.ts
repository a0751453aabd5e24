import { contract, OPERATION_NAMES } from '../../../src/contract/index.ts';
import { ROLES, type Role } from '../../../src/contract/operation.ts';

export { contract, OPERATION_NAMES };
/** No profile, then each role the contract knows. */
export const ROLES_FOR_FUZZ: ReadonlyArray<Role | null> = [null, ...ROLES];
