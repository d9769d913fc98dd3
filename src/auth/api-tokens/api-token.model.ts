/**
 * Personal API tokens. Only the SHA-256 of a token is stored (tokens are long random strings, so
 * a fast hash is enough); the token itself is shown once when created. Revoking deletes it.
 */
import mongoose, { Schema } from 'mongoose';

const apiTokenSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    name: { type: String, required: true, trim: true },
    tokenHash: { type: String, required: true, unique: true },
    /** The first characters, so the owner can tell tokens apart without seeing them. */
    prefix: { type: String, required: true },
    lastUsedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export const ApiTokenModel = mongoose.model('ApiToken', apiTokenSchema, 'api_tokens');
