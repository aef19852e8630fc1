import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';

// Placeholder: filled in by the demo-data work.
export async function loadDemoDataIfEmpty(_deps: { db: Kysely<Database>; cipher: FieldCipher; clock: Clock }): Promise<void> {}
