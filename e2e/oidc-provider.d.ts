// oidc-provider ships no types (DefinitelyTyped's lag its releases): the little the SSO journey uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Account = { accountId: string; claims: () => Record<string, unknown> | Promise<Record<string, unknown>> };
  type Configuration = {
    clients?: Record<string, unknown>[];
    claims?: Record<string, string[]>;
    findAccount?: (context: unknown, id: string) => Account | Promise<Account>;
    pkce?: { required?: () => boolean };
    features?: Record<string, unknown>;
    conformIdTokenClaims?: boolean;
  };
  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
