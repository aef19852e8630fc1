// Conversation groups (issue 14 §1): the API schemas, the meeting plan, the waiting-list rules and the message texts.
export * from './Group.ts';
export * from './meeting-plan.ts';
export * from './waiting-list.ts';
export * from './group-messages.ts';
