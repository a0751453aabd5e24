// Did help arrive, per referral, when the caller was reached again (issue 15). A leaf of its
// own: the sync wire and the hub's counts need only these codes, and the callbacks contract
// beside them loads libphonenumber-js (its phone schema), which the hub server has no use for.

export const HELP_OUTCOMES = ['arrived', 'in_progress', 'not_reached', 'refused', 'other'] as const;
export type HelpOutcome = (typeof HELP_OUTCOMES)[number];
