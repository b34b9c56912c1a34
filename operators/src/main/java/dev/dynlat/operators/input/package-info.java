/**
 * User input shared by every loader and command: reading input files with one-line messages
 * ({@link dev.dynlat.operators.input.InputFiles}) and the one table of integer bounds
 * ({@link dev.dynlat.operators.input.InputBounds}).
 */
package dev.dynlat.operators.input;
