/** The parsed form of a Meilisearch filter expression. */
export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterNode =
  | { type: 'and'; children: FilterNode[] }
  | { type: 'or'; children: FilterNode[] }
  | { type: 'not'; child: FilterNode }
  | { type: 'compare'; attribute: string; operator: ComparisonOperator; value: string }
  | { type: 'range'; attribute: string; from: string; to: string }
  | { type: 'in'; attribute: string; values: string[] }
  | { type: 'exists'; attribute: string }
  | { type: 'isNull'; attribute: string }
  | { type: 'isEmpty'; attribute: string }
  /** No condition at all (an empty filter string): matches everything. */
  | { type: 'all' };

/** Every attribute a filter reads, in order of appearance, without duplicates. */
export function filterAttributes(node: FilterNode): string[] {
  const out = new Set<string>();
  const walk = (n: FilterNode): void => {
    if (n.type === 'and' || n.type === 'or') n.children.forEach(walk);
    else if (n.type === 'not') walk(n.child);
    else if (n.type !== 'all') out.add(n.attribute);
  };
  walk(node);
  return [...out];
}
