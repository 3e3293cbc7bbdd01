//! Precompiles our own JS (src/script/js/**/*.js, each an ES module) to QuickJS bytecode, so no
//! run parses the prelude or a library again. Writes `$OUT_DIR/js_bundle.rs`: a table of
//! (module name, bytecode) where the name is the path relative to src/script/js (`pm/index.js`).

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::{Context, Ctx, Module, Runtime, WriteOptions};
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new("src/script/js");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let rt = Runtime::new().expect("QuickJS runtime");
    rt.set_loader(SourceTree, SourceTree);
    let mut table = String::from("pub static MODULES: &[(&str, &[u8])] = &[\n");
    for (i, file) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = module_name(root, file);
        let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // A fresh context per module: compiling a module loads its imports into the context.
        let ctx = Context::full(&rt).expect("QuickJS context");
        let bytes = ctx.with(|ctx| {
            let module = Module::declare(ctx.clone(), name.clone(), source)
                .map_err(|e| describe(&ctx, &name, e))?;
            module
                .write(WriteOptions {
                    strip_source: true,
                    ..WriteOptions::default()
                })
                .map_err(|e| describe(&ctx, &name, e))
        });
        let bytes = bytes.unwrap_or_else(|e| panic!("{e}"));
        let out = out_dir.join(format!("js_{i}.bin"));
        fs::write(&out, bytes).expect("write bytecode");
        table.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            out.display().to_string()
        ));
    }
    table.push_str("];\n");
    fs::write(out_dir.join("js_bundle.rs"), table).expect("write js_bundle.rs");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            out.push(path);
        }
    }
}

fn module_name(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).expect("under root");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn describe(ctx: &rquickjs::Ctx<'_>, name: &str, e: rquickjs::Error) -> String {
    let detail = if matches!(e, rquickjs::Error::Exception) {
        let ex = ctx.catch();
        match ex.as_exception() {
            Some(ex) => format!(
                "{} {}",
                ex.message().unwrap_or_default(),
                ex.stack().unwrap_or_default()
            ),
            None => format!("{ex:?}"),
        }
    } else {
        e.to_string()
    };
    format!("src/script/js/{name}: {detail}")
}

/// Resolves `./x.js` against the importing module's name and loads modules from the source tree,
/// so a module's imports can be checked while it compiles.
struct SourceTree;

impl Resolver for SourceTree {
    fn resolve<'js>(
        &mut self,
        _ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<String> {
        if !name.starts_with('.') {
            return Ok(name.to_string());
        }
        let mut parts: Vec<&str> = base.split('/').collect();
        parts.pop();
        for seg in name.split('/') {
            match seg {
                "." | "" => {}
                ".." => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        Ok(parts.join("/"))
    }
}

impl Loader for SourceTree {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<Module<'js>> {
        let path = Path::new("src/script/js").join(name);
        let source = fs::read_to_string(&path).map_err(|_| rquickjs::Error::new_loading(name))?;
        Module::declare(ctx.clone(), name, source)
    }
}
