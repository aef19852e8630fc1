import type { Permission } from '@bro/domain';
import type { FastifySchema } from 'fastify';

/** A group route's options: the permission it declares (deny by default), and its schema under its step's tag. */
export function groupRoute<const Schema extends FastifySchema>(permission: Permission, tag: string, schema: Schema) {
  return { config: { permission }, schema: { tags: [tag], ...schema } };
}
