/** Database checks shared by the practice and lesson services; problems go into `errors`, nothing throws. */
import type { FieldErrors } from '../../http/errors.js';
import { ValidationError } from '../../http/errors.js';
import { assertTopicCodes } from '../topics/topic.service.js';

/** Topic codes must be in the managed list; codes already stored on the record (`keep`) stay valid. */
export async function checkTopics(codes: readonly string[], keep: readonly string[], errors: FieldErrors): Promise<void> {
  try {
    await assertTopicCodes(codes, 'topics', keep);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.details);
  }
}
