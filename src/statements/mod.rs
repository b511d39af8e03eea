//! Statements: pairs quotation marks, finds cues, attributes speakers through the actor index.

use crate::actors::ActorIndex;
use crate::model::Statement;
use crate::text::Doc;

/// Finds the statements of a document. Speaker actor ids in the result are ids of `actors`, to which this
/// stage may add actors (anonymous sources, groups) and mentions (pronouns, descriptions).
///
/// Not implemented yet: returns no statement (see the Statements issue).
pub(crate) fn extract(_doc: &Doc, _actors: &mut ActorIndex) -> Vec<Statement> {
    Vec::new()
}
