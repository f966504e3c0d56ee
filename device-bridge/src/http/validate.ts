import type { Request } from 'express';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/**
 * Parses a request body with its contract schema. A bad body gets 400 with a message that names
 * each wrong field, so whoever sent it can fix it.
 */
export function parseBody<T extends z.ZodType>(schema: T, request: Request): z.infer<T> {
  const result = schema.safeParse(request.body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${field}: ${issue.message}`;
  });
  throw new HttpError(400, 'bad-request', `The request body is not valid — ${problems.join('; ')}`);
}
