/** Each role's home at sign-in (renderer/src/control/home.ts): the head's dashboard before a specialist's cases before reception's journal. */
import { describe, expect, it } from 'vitest';
import { homeOf } from '../../renderer/src/control/home';

describe('the home screen of a role', () => {
  it('reception → the journal, specialist → «Мои дела», head → the dashboard, administrator → administration', () => {
    expect(homeOf(['reception'])).toBe('/journal');
    expect(homeOf(['specialist'])).toBe('/my');
    expect(homeOf(['head'])).toBe('/control');
    expect(homeOf(['admin'])).toBe('/admin/office');
  });
  it('several roles: the one that controls most', () => {
    expect(homeOf(['reception', 'specialist'])).toBe('/my');
    expect(homeOf(['specialist', 'head'])).toBe('/control');
    expect(homeOf(['admin', 'reception'])).toBe('/journal');
  });
});
