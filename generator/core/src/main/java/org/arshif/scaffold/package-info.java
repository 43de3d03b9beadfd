/**
 * Scaffolding of new dispatches and translations ({@code arshif:new}).
 */
package org.arshif.scaffold;
