//! Statistics: parses numbers and quantities, then attaches qualifiers, units and events from neighbouring
//! tokens.

use crate::actors::ActorIndex;
use crate::model::Statistic;
use crate::text::Doc;

/// Finds the statistics of a document.
///
/// Not implemented yet: returns no statistic (see the Statistics issue).
pub(crate) fn extract(_doc: &Doc, _actors: &ActorIndex) -> Vec<Statistic> {
    Vec::new()
}
