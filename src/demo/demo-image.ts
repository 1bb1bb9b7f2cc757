// Lead illustrations for the demo agency, drawn here rather than copied from anywhere: a gradient
// in the rubric's colour with a pattern of shapes chosen from the story's key, so every story has
// its own picture and the same story always gets the same one.

import { createHash } from 'node:crypto';

export const DEMO_IMAGE_WIDTH = 1200;
export const DEMO_IMAGE_HEIGHT = 675;

function shade(hex: string, factor: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.max(0, Math.min(255, Math.round(((value >> shift) & 255) * factor)));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

export function drawDemoImage(key: string, color: string): string {
  const bytes = createHash('sha256').update(key).digest();
  const shapes: string[] = [];
  for (let i = 0; i < 9; i++) {
    const b = (n: number) => bytes[(i * 3 + n) % bytes.length]!;
    const x = Math.round((b(0) / 255) * DEMO_IMAGE_WIDTH);
    const y = Math.round((b(1) / 255) * DEMO_IMAGE_HEIGHT);
    const size = 60 + Math.round((b(2) / 255) * 260);
    const fill = shade(color, 1.2 + (i % 3) * 0.25);
    const opacity = (0.18 + (b(2) % 40) / 100).toFixed(2);
    shapes.push(
      i % 3 === 0
        ? `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}" fill-opacity="${opacity}"/>`
        : i % 3 === 1
          ? `<rect x="${x - size / 2}" y="${y - size / 4}" width="${size}" height="${size / 2}" rx="12" fill="${fill}" fill-opacity="${opacity}" transform="rotate(${b(0) % 90} ${x} ${y})"/>`
          : `<path d="M${x} ${y - size / 2} L${x + size / 2} ${y + size / 2} L${x - size / 2} ${y + size / 2} Z" fill="${fill}" fill-opacity="${opacity}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" viewBox="0 0 ${DEMO_IMAGE_WIDTH} ${DEMO_IMAGE_HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(color, 1.35)}"/><stop offset="1" stop-color="${shade(color, 0.6)}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
${shapes.join('\n')}
</svg>
`;
}
