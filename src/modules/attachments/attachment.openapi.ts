/** OpenAPI description of the attachment upload (uploadAttachmentsJson), with the limits the upload enforces. */
import type { OperationDoc } from '../../http/routes.js';
import { ATTACHMENT_FIELD, FILES_PER_REQUEST } from './attachment-upload.js';
import { ACCEPT_ATTRIBUTE } from './file-kinds.js';

export const UPLOAD_ATTACHMENTS_DOC: OperationDoc = {
  requestBody: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            [ATTACHMENT_FIELD]: {
              type: 'array',
              items: { type: 'string', format: 'binary' },
              maxItems: FILES_PER_REQUEST,
              description:
                `Up to ${FILES_PER_REQUEST} files per request; per file at most ATTACHMENT_MAX_MB and per record at most ATTACHMENT_MAX_FILES (server settings). ` +
                `Kinds: ${ACCEPT_ATTRIBUTE.replaceAll(',', ' ')}, recognised by their content, and the name's extension must agree. No file: nothing is stored.`,
            },
          },
        },
      },
    },
  },
};
