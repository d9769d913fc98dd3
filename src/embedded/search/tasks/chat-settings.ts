/** The `chat` index setting: stored per index and reported, outside the core's Settings (as Meilisearch keeps it apart from GET /settings). */

export interface ChatSettings {
  description: string;
  documentTemplate: string;
  documentTemplateMaxBytes: number;
  searchParameters: Record<string, unknown>;
}

export function defaultChatSettings(): ChatSettings {
  return {
    description: '',
    documentTemplate: '{% for field in fields %}{% if field.is_searchable and field.value != nil %}{{ field.name }}: {{ field.value }}\n{% endif %}{% endfor %}',
    documentTemplateMaxBytes: 400,
    searchParameters: {},
  };
}

export function mergeChatSettings(current: ChatSettings, patch: Record<string, unknown>): ChatSettings {
  const defaults = defaultChatSettings();
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) next[field] = value === null ? defaults[field as keyof ChatSettings] : value;
  return next as unknown as ChatSettings;
}
