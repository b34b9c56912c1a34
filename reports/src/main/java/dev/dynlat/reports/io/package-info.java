/**
 * The output layer every command writes through: {@link dev.dynlat.reports.io.OutputTarget} checks
 * one path before any work starts, {@link dev.dynlat.reports.io.OutputSet} prepares all outputs of a
 * command and then commits them together (temporary file and rename for regular files, in-place
 * streaming for FIFOs, character devices and standard output).
 */
package dev.dynlat.reports.io;
