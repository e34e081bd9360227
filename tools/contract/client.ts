// A small typed RyzeApi client on fetch, with types openapi-typescript generates from docs/openapi/v1.json
// into generated/ryzeapi.ts. tsc checks it against them (a renamed path, field or type fails the build);
// run with node it does an SDK user's calls against a live API and prints what it saw as JSON.
import type { components, operations, paths } from "./generated/ryzeapi.js";

type Schemas = components["schemas"];
type Json<Op extends keyof operations, Status extends keyof operations[Op]["responses"]> =
  operations[Op]["responses"][Status] extends { content: { "application/json": infer Body } } ? Body : never;

export interface Api {
  baseUrl: string;
  token: string;
}

/** Any non-2xx answer: its status and the error envelope. */
export class RyzeApiError extends Error {
  constructor(readonly status: number, readonly envelope: Schemas["ErrorEnvelope"]) {
    super(envelope.error.message);
  }
}

async function call<T>(api: Api, method: string, path: keyof paths, params: Record<string, string>, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const url = new URL(path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "")), api.baseUrl);
  const response = await fetch(url, {
    method,
    headers: { token: api.token, "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const json: unknown = await response.json();
  if (!response.ok) {
    throw new RyzeApiError(response.status, json as Schemas["ErrorEnvelope"]);
  }
  return json as T;
}

export const createInstance = (api: Api, body: Schemas["CreateInstanceRequest"]) =>
  call<Json<"CreateInstance", 201>>(api, "POST", "/api/instance/new", {}, { body });

export const activateChatwoot = (api: Api, instance: string, body: Schemas["ActivateChatwootRequest"], idempotencyKey?: string) =>
  call<Json<"ActivateChatwoot", 201>>(api, "POST", "/api/chatwoot/set/{instance}", { instance }, {
    body,
    ...(idempotencyKey === undefined ? {} : { headers: { "Idempotency-Key": idempotencyKey } }),
  });

export const getChatwootIntegration = (api: Api, instance: string) =>
  call<Json<"GetChatwootIntegration", 200>>(api, "GET", "/api/chatwoot/list/{instance}", { instance });

export const deactivateChatwoot = (api: Api, instance: string) =>
  call<Json<"DeactivateChatwoot", 200>>(api, "DELETE", "/api/chatwoot/delete/{instance}", { instance });

/** The SDK user's scenario; the contract tests run it with these variables set. */
async function main(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const baseUrl = env.RYZEAPI_URL ?? "http://127.0.0.1:5080";
  const instance = env.INSTANCE ?? "sdk-typescript";
  const chatwoot: Schemas["ActivateChatwootRequest"] = {
    chatwootBaseUrl: env.CHATWOOT_URL ?? "",
    chatwootAccountId: Number(env.CHATWOOT_ACCOUNT_ID),
    chatwootApiToken: env.CHATWOOT_TOKEN ?? "",
  };
  const seen: Record<string, unknown> = {};

  const created = await createInstance({ baseUrl, token: env.RYZEAPI_ACCOUNT_TOKEN ?? "" }, { name: instance });
  seen.created = created.instance.name;
  const api: Api = { baseUrl, token: created.instance.token };

  const activated = await activateChatwoot(api, instance, chatwoot, "ts-key-1");
  const replayed = await activateChatwoot(api, instance, chatwoot, "ts-key-1");
  seen.activated = { status: activated.status, bridge: activated.bridge_integration_id, replayedBridge: replayed.bridge_integration_id };

  const info = await getChatwootIntegration(api, instance);
  const inboxId: number = info.chatwoot_inbox_id;
  seen.info = { bridge: info.bridge_integration_id, inboxId, inboxName: info.chatwoot_inbox_name, createdAt: info.created_at, lastError: info.last_error };

  seen.deactivated = (await deactivateChatwoot(api, instance)).message;

  try {
    await activateChatwoot(api, instance, { ...chatwoot, chatwootApiToken: "a-revoked-token" });
    seen.rejected = "no error";
  } catch (error) {
    if (!(error instanceof RyzeApiError)) throw error;
    seen.rejected = { status: error.status, success: error.envelope.success, message: error.envelope.error.message };
  }
  return seen;
}

if (process.argv[1]?.endsWith("client.js")) {
  console.log(JSON.stringify(await main(process.env)));
}
