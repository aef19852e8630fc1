import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import * as createFoundation from './migrations/2026-11-21T0600-create-foundation.ts';
import * as createDirectory from './migrations/2026-11-21T0800-create-directory.ts';
import * as createCourses from './migrations/2026-11-21T0900-create-courses.ts';
import * as createSelfReferralAndCampaigns from './migrations/2026-11-21T1000-create-self-referral-and-campaigns.ts';
import * as addUsersLastSignedIn from './migrations/2026-12-07T0900-add-users-last-signed-in.ts';
import * as addProgrammeServicesIsProposed from './migrations/2026-12-07T0930-add-programme-services-is-proposed.ts';
import * as addDemoAccountsAndEnrolmentLinks from './migrations/2026-12-07T1000-add-demo-accounts-and-enrolment-links.ts';
import * as addServicesIntakeLimits from './migrations/2026-12-07T1030-add-services-intake-limits.ts';
import * as createOutbox from './migrations/2026-12-07T1100-create-outbox.ts';
import * as allowErasedUnsentOutboxMessages from './migrations/2026-12-07T1130-allow-erased-unsent-outbox-messages.ts';
import * as programmeAdministration from './migrations/2026-12-07T1200-programme-administration.ts';
import * as createPublicationRequests from './migrations/2026-12-07T1300-create-publication-requests.ts';
import * as addServiceEnd from './migrations/2026-12-07T1400-add-service-end.ts';
import * as addServicesIntakeHours from './migrations/2026-12-07T1500-add-services-intake-hours.ts';
import * as createReferralDrafts from './migrations/2026-12-07T1600-create-referral-drafts.ts';
import * as addCourseReferralFacts from './migrations/2026-12-07T1800-add-course-referral-facts.ts';
import * as addFourEyesAndReauthentication from './migrations/2026-12-08T1000-add-four-eyes-and-reauthentication.ts';
import * as createRiskLevelReductions from './migrations/2026-12-08T1100-create-risk-level-reductions.ts';
import * as addSignInThrottlingAndUnlockLinks from './migrations/2026-12-08T1110-add-sign-in-throttling-and-unlock-links.ts';
import * as sealAuditAndAccessLogs from './migrations/2026-12-09T1000-seal-audit-and-access-logs.ts';
import * as createRateLimitCounters from './migrations/2026-12-09T1200-create-rate-limit-counters.ts';
import * as addHotReadIndexes from './migrations/2026-12-09T1400-add-hot-read-indexes.ts';
import * as addFacilitatorAndPeerSupporterRoles from './migrations/2026-12-10T0900-add-facilitator-and-peer-supporter-roles.ts';
import * as createCalendarFeedTokens from './migrations/2026-12-10T1400-create-calendar-feed-tokens.ts';
import * as createPeerSupport from './migrations/2026-12-10T1300-create-peer-support.ts';
import * as createOpenEvents from './migrations/2026-12-10T1100-create-open-events.ts';
import * as createCommunityMeetings from './migrations/2026-12-10T1200-create-community-meetings.ts';
import * as createConversationGroups from './migrations/2026-12-10T1000-create-conversation-groups.ts';

/**
 * Forward-only migrations, listed here in order. A static list (rather than a folder scan) keeps them working
 * the same under Node's type stripping, Vitest and any bundler.
 */
const migrations: Record<string, Migration> = {
  '2026-11-21T0600-create-foundation': createFoundation,
  '2026-11-21T0800-create-directory': createDirectory,
  '2026-11-21T0900-create-courses': createCourses,
  '2026-11-21T1000-create-self-referral-and-campaigns': createSelfReferralAndCampaigns,
  '2026-12-07T0900-add-users-last-signed-in': addUsersLastSignedIn,
  '2026-12-07T0930-add-programme-services-is-proposed': addProgrammeServicesIsProposed,
  '2026-12-07T1000-add-demo-accounts-and-enrolment-links': addDemoAccountsAndEnrolmentLinks,
  '2026-12-07T1030-add-services-intake-limits': addServicesIntakeLimits,
  '2026-12-07T1100-create-outbox': createOutbox,
  '2026-12-07T1130-allow-erased-unsent-outbox-messages': allowErasedUnsentOutboxMessages,
  '2026-12-07T1200-programme-administration': programmeAdministration,
  '2026-12-07T1300-create-publication-requests': createPublicationRequests,
  '2026-12-07T1400-add-service-end': addServiceEnd,
  '2026-12-07T1500-add-services-intake-hours': addServicesIntakeHours,
  '2026-12-07T1600-create-referral-drafts': createReferralDrafts,
  '2026-12-07T1800-add-course-referral-facts': addCourseReferralFacts,
  '2026-12-08T1000-add-four-eyes-and-reauthentication': addFourEyesAndReauthentication,
  '2026-12-08T1100-create-risk-level-reductions': createRiskLevelReductions,
  '2026-12-08T1110-add-sign-in-throttling-and-unlock-links': addSignInThrottlingAndUnlockLinks,
  '2026-12-09T1000-seal-audit-and-access-logs': sealAuditAndAccessLogs,
  '2026-12-09T1200-create-rate-limit-counters': createRateLimitCounters,
  '2026-12-09T1400-add-hot-read-indexes': addHotReadIndexes,
  '2026-12-10T0900-add-facilitator-and-peer-supporter-roles': addFacilitatorAndPeerSupporterRoles,
  '2026-12-10T1400-create-calendar-feed-tokens': createCalendarFeedTokens,
  '2026-12-10T1300-create-peer-support': createPeerSupport,
  '2026-12-10T1100-create-open-events': createOpenEvents,
  '2026-12-10T1200-create-community-meetings': createCommunityMeetings,
  '2026-12-10T1000-create-conversation-groups': createConversationGroups,
};

/** The newest migration this code knows: /api/ready compares it with the newest one applied to the database. */
export const latestMigrationName: string = Object.keys(migrations).sort().at(-1) ?? '';

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  reportFailure(await migrator.migrateToLatest());
}

/** Up to and including the named migration: for tests of a migration's handling of the data before it. */
export async function migrateUpTo(db: Kysely<any>, migrationName: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  reportFailure(await migrator.migrateTo(migrationName));
}

function reportFailure({ error, results }: MigrationResultSet): void {
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
