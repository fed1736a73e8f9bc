import { describe, expect, it } from 'vitest';
import { moveInOrder } from './running-order';

describe('moveInOrder', () => {
  it('swaps a presentation with its neighbour', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });
  it('answers null past either end or for an unknown id', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'x', 1)).toBeNull();
  });
});
