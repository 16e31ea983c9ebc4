import { KeyboardCode, type ClientRect, type KeyboardCoordinateGetter } from '@dnd-kit/core';

function centerX(rect: ClientRect): number {
  return rect.left + rect.width / 2;
}

/**
 * Keyboard dragging between columns: ← and → put the card into the previous or next column (the board's order
 * is left to right), so a keyboard user moves a deal one stage per key press; ↑ and ↓ do nothing (the order
 * inside a column is the server's).
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((c): c is { id: typeof c.id; rect: ClientRect } => c.rect !== undefined)
    .sort((a, b) => a.rect.left - b.rect.left);
  if (columns.length === 0) return undefined;
  const x = centerX(collisionRect);
  let index = over ? columns.findIndex((c) => c.id === over.id) : -1;
  if (index < 0) index = columns.findIndex((c) => x >= c.rect.left && x <= c.rect.left + c.rect.width);
  const next = columns[Math.max(0, Math.min(columns.length - 1, index + (event.code === KeyboardCode.Right ? 1 : -1)))];
  if (!next) return undefined;
  return {
    x: centerX(next.rect) - collisionRect.width / 2,
    y: Math.max(next.rect.top, Math.min(currentCoordinates.y, next.rect.top + next.rect.height - collisionRect.height)),
  };
};
