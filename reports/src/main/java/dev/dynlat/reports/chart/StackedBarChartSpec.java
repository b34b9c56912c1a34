package dev.dynlat.reports.chart;

import dev.dynlat.reports.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stacked bar chart for breakdowns: one bar per category (e.g. stage), split into
 * components (e.g. masker, gather, conv, scatter) stacked bottom-up in the given order.
 *
 * @param title         the title, empty for none
 * @param categoryAxis  the axis along which the bars stand
 * @param valueAxis     the axis of the stacked values, e.g. {@code latency [ms]}
 * @param categories    the bar labels, at least one, distinct
 * @param components    the stacked parts, at least one, distinct names, one value per category
 * @param legendTitle   what the components are, e.g. {@code operator role}; empty for none
 */
public record StackedBarChartSpec(String title, Axis categoryAxis, Axis valueAxis,
                                  List<String> categories, List<BarComponent> components, String legendTitle)
        implements ChartSpec {

    /** Without legend title. */
    public StackedBarChartSpec(String title, Axis categoryAxis, Axis valueAxis, List<String> categories,
                               List<BarComponent> components) {
        this(title, categoryAxis, valueAxis, categories, components, "");
    }

    /** This chart with a legend title. */
    public StackedBarChartSpec withLegendTitle(String text) {
        return new StackedBarChartSpec(title, categoryAxis, valueAxis, categories, components, text);
    }

    /** Validates and copies. */
    public StackedBarChartSpec {
        legendTitle = Specs.title(legendTitle);
        title = Specs.title(title);
        categoryAxis = Specs.axis(categoryAxis, "category");
        valueAxis = Specs.axis(valueAxis, "value");
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("A stacked bar chart needs at least one category");
        }
        categories = List.copyOf(categories);
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new IllegalArgumentException("Duplicate category in " + categories);
        }
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("A stacked bar chart needs at least one component");
        }
        components = List.copyOf(components);
        Set<String> names = new HashSet<>();
        for (BarComponent component : components) {
            if (!names.add(component.name())) {
                throw new IllegalArgumentException("Duplicate component name '" + component.name() + "'");
            }
            if (component.values().length != categories.size()) {
                throw new IllegalArgumentException("Component '" + component.name() + "' has "
                        + component.values().length + " values but there are " + categories.size()
                        + " categories " + categories);
            }
        }
    }

    /**
     * A breakdown from a wide table: one row per category (text in {@code categoryColumn}) and
     * one numeric column per component. The value axis is labelled {@code valueLabel} with the
     * unit of the first component column.
     */
    public static StackedBarChartSpec fromColumns(String title, Table table, String categoryColumn,
                                                  List<String> componentColumns, String valueLabel) {
        if (componentColumns.isEmpty()) {
            throw new IllegalArgumentException("A stacked bar chart needs at least one component column");
        }
        List<BarComponent> components = new ArrayList<>();
        for (String column : componentColumns) {
            components.add(new BarComponent(column, table.numbers(column)));
        }
        Axis valueAxis = new Axis(valueLabel, table.column(componentColumns.get(0)).unit());
        return new StackedBarChartSpec(title, Axis.of(table.column(categoryColumn)), valueAxis,
                table.texts(categoryColumn), components);
    }
}
