// The newsgraph REST API as the page uses it: GET only, JSON in, problem+json errors out.
// Every URL is relative to the page, so the explorer works behind a path prefix too.

const ROOT = new URL("..", document.baseURI);

/** An error the API answered with (RFC 9457 problem details), or a network failure. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function url(path, params = {}) {
  const target = new URL(path.replace(/^\//, ""), ROOT);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") target.searchParams.set(key, value);
  }
  return target;
}

/** GET a JSON document; throws ApiError with the server's own `detail` when it refuses. */
export async function get(path, params, { signal } = {}) {
  let response;
  try {
    response = await fetch(url(path, params), { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, "newsgraph does not answer: is the server running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body?.detail ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, detail);
  }
  return body;
}

const id = (value) => encodeURIComponent(value);

export const api = {
  health: () =>
    get("/health").catch((err) => {
      if (err.status === 503) return { status: "unavailable", reachable: false };
      throw err;
    }),
  entities: (q, opts) => get("/api/v1/entities", { q, limit: 8 }, opts),
  topEntities: () => get("/api/v1/entities", { limit: 12 }),
  topics: (q, opts) => get("/api/v1/topics", { q, limit: 8 }, opts),
  topTopics: () => get("/api/v1/topics", { limit: 8 }),
  entity: (entityId) => get(`/api/v1/entities/${id(entityId)}`),
  neighbourhood: (entityId) =>
    get(`/api/v1/entities/${id(entityId)}/neighbourhood`, { depth: 1, limit: 150 }),
  timeline: (entityId) => get(`/api/v1/entities/${id(entityId)}/timeline`),
  relations: (subject, predicate, object) =>
    get("/api/v1/relations", { subject, predicate, object }),
  stances: (topic, stance) => get("/api/v1/stances", { topic, stance }),
};
