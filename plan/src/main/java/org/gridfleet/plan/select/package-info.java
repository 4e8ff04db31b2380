/**
 * The selector: chooses among candidate plans by a rules file (ordered conditions on plan metrics in a sandboxed
 * expression language, then a preference) or records an operator's choice, and says for every plan why it was
 * kept or rejected (docs/selection.md).
 */
package org.gridfleet.plan.select;
