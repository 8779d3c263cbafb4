import { moveToPosition } from '../../src/domain/reorder';

describe('moveToPosition (the contract move: zero-based, others keep their relative order)', () => {
  const list = ['A', 'B', 'C', 'D'];

  test('A,B,C,D with A moved to index 2 gives B,C,A,D (docs/platforms/sfcc.md#ordering-and-positions)', () => {
    expect(moveToPosition(list, 'A', 2)).toEqual(['B', 'C', 'A', 'D']);
  });

  test('moves towards the front', () => {
    expect(moveToPosition(list, 'D', 0)).toEqual(['D', 'A', 'B', 'C']);
    expect(moveToPosition(list, 'C', 1)).toEqual(['A', 'C', 'B', 'D']);
  });

  test('at or past the end moves the item last', () => {
    expect(moveToPosition(list, 'B', 3)).toEqual(['A', 'C', 'D', 'B']);
    expect(moveToPosition(list, 'B', 99)).toEqual(['A', 'C', 'D', 'B']);
  });

  test('its own position leaves the order as it was', () => {
    expect(moveToPosition(list, 'C', 2)).toEqual(list);
  });

  test('does not change the list it was given', () => {
    const original = [...list];
    moveToPosition(list, 'A', 3);
    expect(list).toEqual(original);
  });
});
