/**
 * The command-line front end ({@code java -jar …-cli.jar build|check|new|serve}): options, help, exit codes, and the
 * second JVM with tuned flags and a UTF-8 locale. A front end: nothing in the core imports it.
 */
package org.arshif.cli;
