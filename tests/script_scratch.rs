mod script_support;
use script_support::*;

#[test]
fn scratch() {
    for code in ["undefinedFn();", "  x.y;", "\n   null.z", "let a = ;", "\n\n  let b = ;", "throw 'str'", "throw {name: 'Custom', message: 'm'}", "throw 5", "throw null", "pm.test('x', () => { throw {message: 'plain obj'} })"] {
        let (ran, _) = run(Script::test(code));
        println!("{code:?} => {:?} {:?}", ran.out.error, lines(&ran.out));
    }
}
