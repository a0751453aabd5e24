import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../errors.ts';

// Turns zod issues into path-level messages a person can act on ("themes.0: Invalid option…").
export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => {
    const origin = 'origin' in issue && typeof issue.origin === 'string' ? `.${issue.origin}` : '';
    const bound = issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : undefined;
    return {
      path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
      message: issue.message,
      rule: `${issue.code}${origin}`,
      ...(typeof bound === 'number' ? { limit: bound } : {}),
    };
  });
}

export function describeIssues(issues: ErrorIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/** Parses `value` with `schema`, throwing `InvalidInput` that names each offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new AppError('InvalidInput', 'input.invalid', { what, issues: describeIssues(issues) }, issues);
}
