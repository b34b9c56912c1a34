/**
 * Immutable typed tables and their CSV, Markdown and LaTeX writers.
 *
 * <p>Header convention, identical in every format: a column without unit is headed by its
 * name, a column with unit by {@code name [unit]}, for example {@code latency [ms]}. Callers
 * who prefer machine-style headers name the column {@code latency_ms} and leave the unit empty.
 */
package dev.dynlat.reports.table;
