// The plain text of a story document, for showing two texts side by side (an edit conflict, the
// source of a translation) where the reader compares words, not layout.

interface Node { type?: string; text?: string; content?: Node[]; attrs?: Record<string, unknown> }

function inline(node: Node): string {
  return (node.content ?? []).map((child) => (child.type === 'hardBreak' ? '\n' : child.text ?? '')).join('');
}

export function documentText(document: unknown): string {
  const blocks: string[] = [];
  for (const block of ((document as Node | null)?.content ?? [])) {
    if (block.type === 'paragraph' || block.type === 'heading') blocks.push(inline(block));
    else if (block.type === 'blockquote') {
      blocks.push((block.content ?? []).map(inline).join('\n') + (typeof block.attrs?.attribution === 'string' ? ` — ${block.attrs.attribution}` : ''));
    } else if (block.type === 'bulletList' || block.type === 'orderedList') {
      blocks.push((block.content ?? []).map((item) => `• ${(item.content ?? []).map(inline).join(' ')}`).join('\n'));
    } else if (block.type === 'image') blocks.push(`[${String(block.attrs?.caption ?? block.attrs?.alt ?? `#${String(block.attrs?.imageId)}`)}]`);
    else if (block.type === 'embed') blocks.push(`[${String(block.attrs?.url ?? '')}]`);
  }
  return blocks.join('\n\n');
}
