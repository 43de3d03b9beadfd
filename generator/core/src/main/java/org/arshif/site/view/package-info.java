/**
 * View models: the only types templates see, records of text, numbers and lists. Imports nothing.
 */
package org.arshif.site.view;
