// Test helpers other modules' tests may use: queue a message, and stand-ins for the outside world's SMTP server and
// SMS gateway on local ports.
export { givenQueuedMessage, startSmsGatewayStub, startSmtpServer } from './messages.test-support.ts';
