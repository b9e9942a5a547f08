import { request } from 'node:http';

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

/**
 * Raw HTTP so a test controls Host, Origin and credentials exactly (fetch forbids setting Host):
 * the client an attacker would write. `Host` defaults to the server's own.
 */
export function raw(
  port: number,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The same, as the owner: with `Authorization: Bearer <token>`. */
export const authed =
  (token: string) =>
  (
    port: number,
    method: string,
    urlPath: string,
    headers: Record<string, string> = {},
    body?: Buffer | string,
  ) =>
    raw(port, method, urlPath, { Authorization: `Bearer ${token}`, ...headers }, body);

export const json = (r: { body: Buffer }) => JSON.parse(r.body.toString('utf8'));
