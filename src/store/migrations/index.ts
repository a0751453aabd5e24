import type { Migration } from './types.ts';
import { migration001 } from './001_initial.ts';
import { migration002 } from './002_directory.ts';
import { migration003 } from './003_calls.ts';
import { migration004 } from './004_callbacks.ts';
import { migration005 } from './005_reports.ts';
import { migration006 } from './006_access.ts';
import { migration007 } from './007_shift.ts';
import { migration008 } from './008_hub.ts';
import { migration009 } from './009_sync.ts';
import { migration010 } from './010_directory_upkeep.ts';
import { migration011 } from './011_shared_callbacks.ts';
import { migration012 } from './012_shared_handover_callers.ts';
import { migration013 } from './013_pending_hub_notes.ts';
import { migration014 } from './014_sync_update_needed.ts';

// Forward-only, in order. Numbers reserved: 002 directory, 003 responders & calls,
// 004 callbacks, 005 reports, 006 access & audit, 007 shift (call fields, crisis lines), 008 hub link & outbox, 009 sync outbox triggers, 010 directory upkeep (lexicon, note kinds, maintainer right), 011 shared callbacks & follow-ups, 012 shared handover notes & caller marks (à savoir), 013 pending reachability notes from the hub, 014 sync: update needed. Never edit a migration that has shipped.
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014];
