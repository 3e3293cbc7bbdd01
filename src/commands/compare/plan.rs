//! Which variants a `postie compare` runs and what they are called: one per `-e` (named after
//! the environment's `name`, its file stem where two names are equal, or `--name`), times one per
//! combination of `--matrix` values (` VAR=value` appended per axis); plus the file-name form
//! of a variant name (lower case, other characters as `-`) for per-variant report files.

use crate::output::Diagnostic;
use std::path::{Path, PathBuf};

/// `--matrix VAR=v1,v2,…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixAxis {
    pub var: String,
    pub values: Vec<String>,
}

/// Parses one `--matrix` value.
pub fn parse_matrix(text: &str) -> Result<MatrixAxis, Diagnostic> {
    let bad = |why: &str| {
        Diagnostic::new(format!("invalid --matrix value \"{text}\""))
            .detail(why.to_string())
            .hint("write it as --matrix VAR=value1,value2, e.g. --matrix tld=com,eu,ca")
    };
    let Some((var, list)) = text.split_once('=') else {
        return Err(bad("there is no '=' between the variable and its values"));
    };
    if var.is_empty() {
        return Err(bad("the variable name before '=' is empty"));
    }
    let values: Vec<String> = list.split(',').map(str::to_string).collect();
    if list.is_empty() {
        return Err(bad("there are no values after '='"));
    }
    for (i, v) in values.iter().enumerate() {
        if values[..i].contains(v) {
            return Err(bad(&format!("the value \"{v}\" is given twice")));
        }
    }
    Ok(MatrixAxis {
        var: var.to_string(),
        values,
    })
}

/// An environment given with `-e`: where it came from and the `name` inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvInput {
    pub source: String,
    pub name: Option<String>,
}

/// One variant to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantPlan {
    /// Unique among the variants.
    pub name: String,
    /// `name` for file names: lower case, other characters as `-`; unique.
    pub slug: String,
    /// Index of its `-e` (none when compare runs a matrix without `-e`).
    pub env: Option<usize>,
    /// Its `--matrix` values, set as environment variables.
    pub matrix: Vec<(String, String)>,
}

/// The variants, environment-major, matrix axes varying the last one fastest.
pub fn plan(
    envs: &[EnvInput],
    names: &[String],
    matrix: &[MatrixAxis],
) -> Result<Vec<VariantPlan>, Diagnostic> {
    if envs.is_empty() && matrix.is_empty() {
        return Err(Diagnostic::new("nothing to compare")
            .detail("postie compare runs one variant per -e environment and per --matrix value")
            .hint(
                "give two environments (-e a.json -e b.json) or a matrix (--matrix tld=com,eu)",
            ));
    }
    if names.len() > envs.len() {
        return Err(Diagnostic::new("more --name than -e")
            .detail(format!(
                "--name is given {} times for {} environments; each --name names the -e at the same position",
                names.len(),
                envs.len()
            )));
    }
    for (i, axis) in matrix.iter().enumerate() {
        if matrix[..i].iter().any(|a| a.var == axis.var) {
            return Err(
                Diagnostic::new(format!("--matrix {} is given twice", axis.var))
                    .hint("give every value in one --matrix: --matrix VAR=a,b,c"),
            );
        }
    }
    let bases: Vec<(Option<usize>, String)> = if envs.is_empty() {
        vec![(None, String::new())]
    } else {
        env_labels(envs, names)
            .into_iter()
            .enumerate()
            .map(|(i, l)| (Some(i), l))
            .collect()
    };
    let mut variants = Vec::new();
    for (env, base) in bases {
        for combo in combinations(matrix) {
            let mut name = base.clone();
            for (var, value) in &combo {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(&format!("{var}={value}"));
            }
            variants.push(VariantPlan {
                name,
                slug: String::new(),
                env,
                matrix: combo,
            });
        }
    }
    make_unique(&mut variants);
    Ok(variants)
}

/// Each environment's label: `--name`, else its `name`, else (or when another environment
/// has the same name) its file stem.
fn env_labels(envs: &[EnvInput], names: &[String]) -> Vec<String> {
    let own = |i: usize| {
        envs[i]
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    };
    (0..envs.len())
        .map(|i| {
            if let Some(n) = names.get(i) {
                return n.clone();
            }
            match own(i) {
                Some(n)
                    if (names.len()..envs.len())
                        .filter(|&j| own(j) == Some(n))
                        .count()
                        == 1 =>
                {
                    n.to_string()
                }
                _ => stem(&envs[i].source),
            }
        })
        .collect()
}

/// `dir/eu.postman_environment.json` → `eu`; URLs lose their query.
pub fn stem(source: &str) -> String {
    let path = source.split(['?', '#']).next().unwrap_or(source);
    let last = path
        .trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path);
    let mut s = last.strip_suffix(".json").unwrap_or(last);
    for suffix in [".postman_environment", ".postman_globals"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    if s.is_empty() {
        source.to_string()
    } else {
        s.to_string()
    }
}

/// Every combination of the axes' values, first axis slowest.
fn combinations(matrix: &[MatrixAxis]) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for axis in matrix {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                axis.values.iter().map(move |v| {
                    let mut c = prefix.clone();
                    c.push((axis.var.clone(), v.clone()));
                    c
                })
            })
            .collect();
    }
    out
}

/// Makes names unique (` (2)`, ` (3)` …) and gives every variant a unique slug (`-2` …).
fn make_unique(variants: &mut [VariantPlan]) {
    for i in 0..variants.len() {
        let taken = |name: &str, vs: &[VariantPlan]| vs[..i].iter().any(|v| v.name == name);
        if taken(&variants[i].name, variants) {
            let base = variants[i].name.clone();
            let mut n = 2;
            while taken(&format!("{base} ({n})"), variants) {
                n += 1;
            }
            variants[i].name = format!("{base} ({n})");
        }
        let base = slug(&variants[i].name);
        let mut candidate = base.clone();
        let mut n = 2;
        while variants[..i].iter().any(|v| v.slug == candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        variants[i].slug = candidate;
    }
}

/// A variant name for file names: letters and digits lower-cased, every run of other
/// characters one `-`, none at either end (`EU tld=com` → `eu-tld-com`).
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("variant");
    }
    out
}

/// `dir/report.json` + `eu` → `dir/report-eu.json` (`report` → `report-eu`).
pub fn with_variant(path: &Path, slug: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{slug}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{slug}"),
    };
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(source: &str, name: Option<&str>) -> EnvInput {
        EnvInput {
            source: source.into(),
            name: name.map(str::to_string),
        }
    }

    fn names(v: &[VariantPlan]) -> Vec<&str> {
        v.iter().map(|v| v.name.as_str()).collect()
    }

    #[test]
    fn matrix_values() {
        let m = parse_matrix("tld=com,eu,ca").unwrap();
        assert_eq!(m.var, "tld");
        assert_eq!(m.values, ["com", "eu", "ca"]);
        assert_eq!(
            parse_matrix("url=http://x/?a=b").unwrap().values,
            ["http://x/?a=b"]
        );
        for bad in ["tld", "=a,b", "tld=", "tld=a,a"] {
            assert!(parse_matrix(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn environments_are_named_by_name_stem_or_flag() {
        let envs = [
            env("envs/us.postman_environment.json", Some("US")),
            env("envs/eu.json", Some("EU")),
        ];
        assert_eq!(names(&plan(&envs, &[], &[]).unwrap()), ["US", "EU"]);
        let same = [
            env("a/prod-us.json", Some("Prod")),
            env("b/prod-eu.json", Some("Prod")),
            env("c/other.json", None),
        ];
        assert_eq!(
            names(&plan(&same, &[], &[]).unwrap()),
            ["prod-us", "prod-eu", "other"]
        );
        let named = plan(&same, &["One".into()], &[]).unwrap();
        assert_eq!(names(&named), ["One", "Prod", "other"]);
        assert!(plan(&envs, &["a".into(), "b".into(), "c".into()], &[]).is_err());
        assert!(plan(&[], &[], &[]).is_err());
    }

    #[test]
    fn matrix_alone_and_cross_product() {
        let tld = parse_matrix("tld=com,eu").unwrap();
        let v = plan(&[], &[], std::slice::from_ref(&tld)).unwrap();
        assert_eq!(names(&v), ["tld=com", "tld=eu"]);
        assert_eq!(v[1].matrix, [("tld".to_string(), "eu".to_string())]);
        assert_eq!(v[1].env, None);
        let envs = [env("s.json", Some("Staging")), env("p.json", Some("Prod"))];
        let ver = parse_matrix("v=1,2").unwrap();
        let v = plan(&envs, &[], &[tld, ver]).unwrap();
        assert_eq!(
            names(&v),
            [
                "Staging tld=com v=1",
                "Staging tld=com v=2",
                "Staging tld=eu v=1",
                "Staging tld=eu v=2",
                "Prod tld=com v=1",
                "Prod tld=com v=2",
                "Prod tld=eu v=1",
                "Prod tld=eu v=2",
            ]
        );
        assert_eq!(v[4].env, Some(1));
        assert_eq!(v[7].slug, "prod-tld-eu-v-2");
    }

    #[test]
    fn names_and_slugs_are_unique() {
        let envs = [env("a/env.json", None), env("b/env.json", None)];
        let v = plan(&envs, &[], &[]).unwrap();
        assert_eq!(names(&v), ["env", "env (2)"]);
        assert_eq!(v[1].slug, "env-2");
        let envs = [env("a.json", Some("EU")), env("b.json", Some("eu"))];
        let v = plan(&envs, &[], &[]).unwrap();
        assert_eq!((v[0].slug.as_str(), v[1].slug.as_str()), ("eu", "eu-2"));
    }

    #[test]
    fn slugs_and_file_names() {
        assert_eq!(slug("EU tld=com"), "eu-tld-com");
        assert_eq!(slug("[Prod] / Ünïcode"), "prod-ünïcode");
        assert_eq!(slug("!!"), "variant");
        assert_eq!(
            with_variant(Path::new("out/report.json"), "eu"),
            Path::new("out/report-eu.json")
        );
        assert_eq!(
            with_variant(Path::new("report"), "eu"),
            Path::new("report-eu")
        );
        assert_eq!(stem("https://x.io/envs/eu.json?raw=1"), "eu");
    }
}
