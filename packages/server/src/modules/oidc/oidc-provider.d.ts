// oidc-provider ships no types. The tests drive a real provider; this declares the small part they use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AccountClaims = Record<string, unknown> & { sub: string };
  export type Account = { accountId: string; claims: (use: string, scope: string) => AccountClaims | Promise<AccountClaims> };

  export type ClientMetadata = {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    token_endpoint_auth_method?: string;
    grant_types?: string[];
    response_types?: string[];
  };

  export type Interaction = { uid: string; prompt: { name: string; details: Record<string, unknown> }; params: Record<string, unknown> };

  export type ProviderConfiguration = {
    clients?: ClientMetadata[];
    jwks?: { keys: Record<string, unknown>[] };
    findAccount?: (context: unknown, subject: string) => Promise<Account | undefined>;
    claims?: Record<string, string[] | null>;
    interactions?: { url: (context: unknown, interaction: Interaction) => string };
    features?: Record<string, { enabled: boolean }>;
    ttl?: Record<string, number>;
    cookies?: { keys?: string[] };
  };

  export class Grant {
    constructor(input: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    readonly Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
