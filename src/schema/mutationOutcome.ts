import { validate } from 'class-validator';
import { ErrorCode } from '../domain/errorCode';
import type { UserError } from './common/UserError';
import { isUserErrorFault, toUserError } from './errors';

interface WithUserErrors {
  userErrors: UserError[];
}

/**
 * Runs a mutation: its input's class-validator rules first, then the work. A domain fault anywhere
 * (bad id, missing category, conflict...) becomes the payload's userError; system faults stay
 * top-level errors.
 */
export async function mutationOutcome<P extends WithUserErrors>(input: object, empty: Omit<P, 'userErrors'>, work: () => Promise<P>): Promise<P> {
  const invalid = await inputErrors(input);
  if (invalid.length > 0) return { ...empty, userErrors: invalid } as P;
  try {
    return await work();
  } catch (error) {
    if (isUserErrorFault(error)) return { ...empty, userErrors: [toUserError(error)] } as P;
    throw error;
  }
}

async function inputErrors(input: object): Promise<UserError[]> {
  const errors = await validate(input, { forbidUnknownValues: false });
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => ({
      code: ErrorCode.BAD_USER_INPUT,
      message,
      field: ['input', error.property],
      retryable: false,
    })),
  );
}
