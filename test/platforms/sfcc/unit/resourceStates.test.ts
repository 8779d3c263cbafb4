import { ResourceStates } from '../../../../src/platforms/sfcc/resourceStates';

test('resource states are bounded, least recently seen out first', () => {
  const states = new ResourceStates(2);
  states.remember('a', 's1');
  states.remember('b', 's2');
  states.remember('a', 's3');
  states.remember('c', 's4');
  expect([states.get('a'), states.get('b'), states.get('c')]).toEqual(['s3', undefined, 's4']);
  states.forget('a');
  expect(states.get('a')).toBeUndefined();
});
