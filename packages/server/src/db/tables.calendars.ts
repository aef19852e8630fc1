import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the staff calendar's table (migration 2026-12-10T1400); part of `Database` in tables.ts. */
export type CalendarTables = { calendar_feed_tokens: CalendarFeedTokensTable };

type CalendarFeedTokensTable = {
  id: Generated<string>;
  membership_id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};
