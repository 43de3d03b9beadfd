/**
 * The thin Maven front end: one Mojo per goal, property names declared once in {@code Properties}, user
 * problems as {@code MojoFailureException} and defects as {@code MojoExecutionException}.
 */
package org.arshif.maven;
