// Language chains and flag-setting words.
//
// Chains (`to`, `be`, `been`, `is`, `and`, `has`, `have`, `with`, `that`, `which`, `at`, `of`,
// `same`, `but`, `does`, `still`, `also`) only make the sentence readable. Flag words change how
// the next assertion behaves: `not` negates, `deep` compares structurally, `nested` reads dotted
// paths, `own` ignores inherited properties, `ordered` makes members order-sensitive, `any` /
// `all` choose how `keys` combines, `itself` makes `respondTo` look at the function itself.

export const CHAIN_WORDS = [
  'to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but', 'does',
  'still', 'also',
];

export function not() {
  this.__flags.negate = true;
}

export function deep() {
  this.__flags.deep = true;
}

export function nested() {
  this.__flags.nested = true;
}

export function own() {
  this.__flags.own = true;
}

export function ordered() {
  this.__flags.ordered = true;
}

export function any() {
  this.__flags.any = true;
  this.__flags.all = false;
}

export function all() {
  this.__flags.all = true;
  this.__flags.any = false;
}

export function itself() {
  this.__flags.itself = true;
}
