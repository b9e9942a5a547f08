import {
  commandNames,
  commands,
  describeZodError,
  HostEventSchema,
  resultSchema,
  uploadNames,
  uploads,
  type CommandName,
  type HostCommands,
  type HostEvent,
  type HostUploads,
  type Result,
  type UploadName,
} from '@hoso/contracts';
import type { z } from 'zod';

/** How one bridge moves a command to the host and its Result back (IPC or HTTP). */
export type Transport = {
  invoke(name: CommandName, request: unknown): Promise<Result<unknown>>;
  upload(name: UploadName, params: unknown, bytes: ArrayBuffer): Promise<Result<unknown>>;
};

/**
 * The renderer's edge: a reply is trusted only once it matches the table's output schema. A host
 * of another version (or a bug) then fails as a value naming the command, not as a crash deep in
 * a component that read a missing field.
 */
function checkReply<S extends z.ZodType>(
  name: string,
  schema: S,
  reply: Result<unknown>,
): Result<z.output<S>> {
  const parsed = resultSchema(schema).safeParse(reply);
  if (parsed.success) return parsed.data as Result<z.output<S>>;
  return {
    ok: false,
    error: {
      code: 'INVALID_REPLY',
      message: `${name}: the host's reply does not match the contract (${describeZodError(parsed.error)}).`,
    },
  };
}

/** The table's commands and uploads as methods over a transport: what both bridges spread in. */
export function commandProxy(transport: Transport): HostCommands & HostUploads {
  const methods: Record<string, unknown> = {};
  for (const name of commandNames) {
    methods[name] = async (request: unknown = {}) =>
      checkReply(name, commands[name].output, await transport.invoke(name, request));
  }
  for (const name of uploadNames) {
    methods[name] = async (bytes: ArrayBuffer, params: unknown = {}) =>
      checkReply(name, uploads[name].output, await transport.upload(name, params, bytes));
  }
  // Built by iterating the table, so TypeScript cannot see that every key got its method; the
  // loops above are the proof (and tests/main/bridge-table.test.ts checks every name).
  return methods as HostCommands & HostUploads;
}

/** A host event from the wire, or undefined (and a warning) when it does not match the contract. */
export function parseHostEvent(data: unknown): HostEvent | undefined {
  const parsed = HostEventSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  console.warn(`HoSo: ignored a malformed host event (${describeZodError(parsed.error)}).`);
  return undefined;
}
