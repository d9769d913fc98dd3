/** The one way services load a record by the id in a URL: an id that is not an ObjectId is simply "not found". */
import mongoose from 'mongoose';
import { NotFoundError } from '../../http/errors.js';

/** The document `findById` returns for `id`; NotFoundError when the id is malformed or matches nothing. */
export async function findDocumentById<D>(id: string, findById: (id: string) => PromiseLike<D | null>): Promise<D> {
  const doc = mongoose.isValidObjectId(id) ? await findById(id) : null;
  if (!doc) throw new NotFoundError();
  return doc;
}
