/**
 * A node's text as the passes read it: whitespace runs squeezed to one space, trimmed. (To know only its length,
 * `squeezedLength` counts it without building the string.)
 */
export function squeezedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}
