package dev.dynlat.predictor.workload;

/**
 * A parameter value written {@code $name} inside a template: the template use's argument
 * {@code name} takes its place when the template is expanded.
 *
 * @param name the template parameter
 */
public record TemplateArg(String name) {
    @Override
    public String toString() {
        return "$" + name;
    }
}
