export * from './recurrence.ts';
export * from './personal-data.ts';
export * from './OpenEvent.ts';
