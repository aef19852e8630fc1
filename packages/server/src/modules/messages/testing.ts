// Test helpers other modules' tests may use: stand-ins for the outside world's SMTP server and
// SMS gateway on local ports.
export { startSmsGatewayStub, startSmtpServer } from './messages.test-support.ts';
