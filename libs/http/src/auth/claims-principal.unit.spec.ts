import { claimAt, InvalidTokenError, principalFromClaims, rolesIn } from './claims-principal';

const rules = { rolesClaim: 'roles' };

describe('claimAt', () => {
  const claims = {
    roles: ['editor'],
    realm_access: { roles: ['admin'] },
    'https://newsline.example/roles': ['reader'],
  };

  it('reads a top-level claim, a dotted path, and a namespaced claim with dots', () => {
    expect(claimAt(claims, 'roles')).toEqual(['editor']);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['admin']);
    expect(claimAt(claims, 'https://newsline.example/roles')).toEqual(['reader']);
  });

  it('answers undefined for a path that is not there, without reaching into prototypes', () => {
    expect(claimAt(claims, 'realm_access.groups')).toBeUndefined();
    expect(claimAt(claims, 'roles.length.x')).toBeUndefined();
    expect(claimAt(claims, 'constructor')).toBeUndefined();
  });
});

describe('rolesIn', () => {
  it.each([
    [['editor'], ['editor']],
    [
      ['admin', 'reader', 'admin'],
      ['reader', 'admin'],
    ],
    ['reader editor', ['reader', 'editor']],
    [['Editor', 'offline_access', 42], ['editor']],
    ['', []],
    [undefined, []],
    [{ editor: true }, []],
  ])('%j -> %j', (value, roles) => {
    expect(rolesIn(value)).toEqual(roles);
  });
});

describe('principalFromClaims', () => {
  it('names the principal by the first of preferred_username, name, email and sub', () => {
    const name = (claims: Record<string, unknown>) => principalFromClaims(claims, rules).name;
    expect(name({ sub: 'u1', email: 'a@x.org', name: 'Alice', preferred_username: 'alice' })).toBe(
      'alice',
    );
    expect(name({ sub: 'u1', email: 'a@x.org', name: 'Alice' })).toBe('Alice');
    expect(name({ sub: 'u1', email: 'a@x.org' })).toBe('a@x.org');
    expect(name({ sub: 'u1', name: ' ' })).toBe('u1');
  });

  it('takes the name from AUTH_NAME_CLAIM when set, and only from it', () => {
    const claims = { sub: 'u1', upn: 'alice@corp.example' };
    expect(principalFromClaims(claims, { ...rules, nameClaim: 'upn' }).name).toBe(
      'alice@corp.example',
    );
    expect(() => principalFromClaims({ sub: 'u1' }, { ...rules, nameClaim: 'upn' })).toThrow(
      'The token names no one: it has no "upn" claim.',
    );
  });

  it('takes the roles from the roles claim', () => {
    expect(principalFromClaims({ sub: 'bob', roles: ['reader'] }, rules)).toEqual({
      name: 'bob',
      roles: ['reader'],
      via: 'signed-token',
    });
    expect(
      principalFromClaims(
        { sub: 'bob', realm_access: { roles: ['admin', 'uma_authorization'] } },
        { rolesClaim: 'realm_access.roles' },
      ).roles,
    ).toEqual(['admin']);
    expect(principalFromClaims({ sub: 'bob' }, rules).roles).toEqual([]);
  });

  it('refuses a token that names no one', () => {
    expect(() => principalFromClaims({ roles: ['editor'] }, rules)).toThrow(InvalidTokenError);
  });
});
