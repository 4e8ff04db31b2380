/**
 * The nine kinds of distributed energy resource and their operating characteristics, as checked records.
 *
 * <p>{@link org.gridfleet.model.asset.Asset} is sealed: code that switches over generators, renewables and
 * storage stops compiling when a new kind appears, which is the point.
 */
package org.gridfleet.model.asset;
