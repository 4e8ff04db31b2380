/** The control center's REST API: Javalin serving JSON views of the plant and the operator's actions, behind bearer tokens with roles (docs/api.md). */
package org.gridfleet.server;
