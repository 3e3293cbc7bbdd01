//! Which items a run executes, in what order: depth-first in file order, narrowed by `--folder`
//! with Newman's rules (a folder or request, by id or name; several values run in collection
//! order; any value not found is an error).

use super::event::ItemRef;
use crate::collection::{Collection, Folder, Item, RequestItem};

/// A request item with the folders around it (outermost first).
#[derive(Debug, Clone)]
pub struct Runnable<'c> {
    pub item: &'c RequestItem,
    pub folders: Vec<&'c Folder>,
    pub item_ref: ItemRef,
}

/// `--folder` named something that is not in the collection.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Unable to find a folder or request: \"{0}\"")]
pub struct FolderNotFound(pub String);

/// Every request item under `items`, depth-first, with its folder chain.
fn collect<'c>(items: &'c [Item], chain: &mut Vec<&'c Folder>, out: &mut Vec<Runnable<'c>>) {
    for item in items {
        match item {
            Item::Request(r) => out.push(Runnable {
                item: r,
                folders: chain.clone(),
                item_ref: ItemRef {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    folders: chain.iter().map(|f| f.name.clone()).collect(),
                },
            }),
            Item::Folder(f) => {
                chain.push(f);
                collect(&f.items, chain, out);
                chain.pop();
            }
        }
    }
}

/// The path (indexes from the root) of the first item matching `wanted` by id or name:
/// breadth-first among a group's direct children, then recursing child by child.
fn find_path(items: &[Item], wanted: &str) -> Option<Vec<usize>> {
    if let Some(i) = items
        .iter()
        .position(|it| it.id() == wanted || it.name() == wanted)
    {
        return Some(vec![i]);
    }
    for (i, item) in items.iter().enumerate() {
        if let Item::Folder(f) = item {
            if let Some(mut rest) = find_path(&f.items, wanted) {
                rest.insert(0, i);
                return Some(rest);
            }
        }
    }
    None
}

/// The runnable items of `collection`, narrowed to `folders` when any are given.
pub fn select<'c>(
    collection: &'c Collection,
    folders: &[String],
) -> Result<Vec<Runnable<'c>>, FolderNotFound> {
    let mut all = Vec::new();
    collect(&collection.items, &mut Vec::new(), &mut all);
    if folders.is_empty() {
        return Ok(all);
    }
    let mut prefixes = Vec::new();
    for wanted in folders {
        let path =
            find_path(&collection.items, wanted).ok_or_else(|| FolderNotFound(wanted.clone()))?;
        prefixes.push(path);
    }
    let mut out = Vec::new();
    let mut index_paths = Vec::new();
    index_items(&collection.items, &mut Vec::new(), &mut index_paths);
    for (runnable, path) in all.into_iter().zip(index_paths) {
        if prefixes.iter().any(|p| path.starts_with(p)) {
            out.push(runnable);
        }
    }
    Ok(out)
}

/// The index path of every request item, in the same order as `collect`.
fn index_items(items: &[Item], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, item) in items.iter().enumerate() {
        prefix.push(i);
        match item {
            Item::Request(_) => out.push(prefix.clone()),
            Item::Folder(f) => index_items(&f.items, prefix, out),
        }
        prefix.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(name: &str) -> Item {
        Item::Request(RequestItem {
            id: format!("id-{name}"),
            name: name.into(),
            ..RequestItem::default()
        })
    }

    fn folder(name: &str, items: Vec<Item>) -> Item {
        Item::Folder(Folder {
            id: format!("id-{name}"),
            name: name.into(),
            items,
            ..Folder::default()
        })
    }

    fn sample() -> Collection {
        Collection {
            items: vec![
                req("a"),
                folder("F1", vec![req("b"), folder("F2", vec![req("c")])]),
                folder("F3", vec![req("d"), req("c")]),
            ],
            ..Collection::default()
        }
    }

    fn names(rs: &[Runnable<'_>]) -> Vec<String> {
        rs.iter().map(|r| r.item_ref.path()).collect()
    }

    #[test]
    fn everything_depth_first() {
        let c = sample();
        assert_eq!(
            names(&select(&c, &[]).unwrap()),
            vec!["a", "F1 / b", "F1 / F2 / c", "F3 / d", "F3 / c"]
        );
    }

    #[test]
    fn nested_folder_by_name_and_request_by_id() {
        let c = sample();
        assert_eq!(
            names(&select(&c, &["F2".into()]).unwrap()),
            vec!["F1 / F2 / c"]
        );
        assert_eq!(
            names(&select(&c, &["id-d".into()]).unwrap()),
            vec!["F3 / d"]
        );
    }

    #[test]
    fn several_values_run_in_collection_order_without_duplicates() {
        let c = sample();
        let got = select(&c, &["F3".into(), "F1".into(), "F2".into()]).unwrap();
        assert_eq!(
            names(&got),
            vec!["F1 / b", "F1 / F2 / c", "F3 / d", "F3 / c"]
        );
    }

    #[test]
    fn breadth_first_among_children_then_recursing() {
        let c = sample();
        // `c` exists in F1/F2 and F3; the first match found breadth-first per group, recursing
        // child by child, is F1/F2/c.
        assert_eq!(
            names(&select(&c, &["c".into()]).unwrap()),
            vec!["F1 / F2 / c"]
        );
    }

    #[test]
    fn unknown_folder_is_an_error() {
        let c = sample();
        assert_eq!(
            select(&c, &["nope".into()]).unwrap_err().to_string(),
            "Unable to find a folder or request: \"nope\""
        );
    }
}
