/**
 * A bounded YAML 1.2 reader over SnakeYAML Engine's events (depth, alias expansion, control characters)
 * and typed, positioned access to its values. Not an API.
 */
package org.arshif.internal.yaml;
